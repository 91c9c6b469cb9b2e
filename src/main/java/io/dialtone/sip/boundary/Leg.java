package io.dialtone.sip.boundary;

import io.dialtone.sip.control.Branch;
import io.dialtone.sip.control.BranchListener;
import io.dialtone.sip.control.ForkTarget;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** One branch: its client transaction and what it heard. Guarded by its call's lock. */
final class Leg implements Branch {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  final Call call;
  final ForkTarget target;
  final BranchListener listener;
  ClientTransaction client;
  ScheduledFuture<?> timer;
  boolean heard;
  boolean done;
  boolean loginTried;

  private final ProxyWire wire;
  private final ScheduledExecutorService timers;

  Leg(
      Call call,
      ForkTarget target,
      BranchListener listener,
      ProxyWire wire,
      ScheduledExecutorService timers) {
    this.call = call;
    this.wire = wire;
    this.timers = timers;
    this.target = target;
    this.listener = listener;
  }

  void send(Request request) throws Exception {
    ClientTransaction next =
        wire.provider(wire.nextHopTransport(request)).getNewClientTransaction(request);
    next.setApplicationData(this);
    client = next;
    next.sendRequest();
    if (timer == null) {
      timer = timers.schedule(this::noAnswer, target.noAnswer().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void noAnswer() {
    synchronized (call) {
      if (done || heard) {
        return;
      }
      finish();
      terminate();
    }
    call.events.run(() -> listener.failed(0));
  }

  void finish() {
    done = true;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public void cancel() {
    synchronized (call) {
      if (done) {
        return;
      }
      finish();
      if (!heard) {
        terminate();
        return;
      }
      try {
        Request cancel = client.createCancel();
        wire.provider(wire.nextHopTransport(client.getRequest()))
            .getNewClientTransaction(cancel)
            .sendRequest();
      } catch (Exception e) {
        LOG.log(Level.FINE, "a CANCEL could not be sent", e);
      }
    }
  }

  private void terminate() {
    try {
      client.terminate();
    } catch (Exception e) {
      LOG.log(Level.FINE, "a branch could not be abandoned", e);
    }
  }

  /** Answers the target's challenge once with its login; false when it cannot. */
  boolean retryWithLogin(Response challenge) {
    if (loginTried || target.login().isEmpty()) {
      return false;
    }
    loginTried = true;
    boolean proxy = challenge.getStatusCode() == 407;
    Header asked = challenge.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
    if (asked == null) {
      return false;
    }
    try {
      Request previous = client.getRequest();
      Request again = (Request) previous.clone();
      again.removeFirst(ViaHeader.NAME);
      again.addFirst(wire.via(wire.nextHopTransport(previous)));
      CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
      cseq.setSeqNumber(cseq.getSeqNumber() + 1);
      String value = ((javax.sip.header.ExtensionHeader) asked).getValue();
      Optional<String> credentials =
          ChallengeAnswer.of(
              value, target.login().get(), again.getMethod(), again.getRequestURI().toString());
      if (credentials.isEmpty()) {
        return false;
      }
      again.setHeader(
          wire.headers()
              .createHeader(proxy ? "Proxy-Authorization" : "Authorization", credentials.get()));
      send(again);
      return true;
    } catch (Exception e) {
      LOG.log(Level.FINE, "a trunk challenge could not be answered", e);
      return false;
    }
  }
}
