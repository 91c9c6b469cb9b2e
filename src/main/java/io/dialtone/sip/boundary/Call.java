package io.dialtone.sip.boundary;

import static io.dialtone.sip.boundary.ProxyMessages.ascii;
import static io.dialtone.sip.boundary.ProxyMessages.contactOf;
import static io.dialtone.sip.boundary.ProxyMessages.fromTag;
import static io.dialtone.sip.boundary.ProxyMessages.random;
import static io.dialtone.sip.boundary.ProxyMessages.rank;
import static io.dialtone.sip.boundary.ProxyMessages.toTag;

import io.dialtone.sip.control.Branch;
import io.dialtone.sip.control.BranchListener;
import io.dialtone.sip.control.CallListener;
import io.dialtone.sip.control.ForkTarget;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** One proxied call: the caller's INVITE transaction, its branches, then its dialog. */
final class Call implements ProxiedCall {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  /** A call's states: forwarding, answered (its dialog up), ended. */
  private static final int TRYING = 0;

  private static final int ANSWERED = 1;
  private static final int ENDED = 2;

  private final JainSipProxy proxy;
  private final ProxyWire wire;
  private final ScheduledExecutorService timers;

  private final ServerTransaction server;
  private final Request invite;
  private final SipProvider inbound;
  private final SipRequest parsed;
  private final String callerTag;
  final Events events;
  private final List<Leg> legs = new ArrayList<>();
  private final DialogRoute route;
  private CallListener listener;
  private int state = TRYING;
  private Response best;
  private Response answer;
  private long callerCseq;
  private long calleeCseq;

  Call(
      JainSipProxy proxy,
      ProxyWire wire,
      Executor workers,
      ScheduledExecutorService timers,
      ServerTransaction server,
      Request invite,
      SipProvider inbound,
      SipRequest parsed,
      String callerFlow) {
    this.proxy = proxy;
    this.wire = wire;
    this.timers = timers;
    this.events = new Events(workers);
    this.server = server;
    this.invite = invite;
    this.inbound = inbound;
    this.parsed = parsed;
    this.callerTag = ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag();
    this.callerCseq = parsed.cseq();
    this.route = new DialogRoute(wire, callerFlow);
  }

  @Override
  public SipRequest request() {
    return parsed;
  }

  @Override
  public String dialled() {
    return invite.getRequestURI() instanceof SipURI uri && uri.getUser() != null
        ? uri.getUser()
        : "";
  }

  @Override
  public synchronized void listen(CallListener listener) {
    this.listener = listener;
  }

  @Override
  public Branch forward(ForkTarget target, BranchListener listener) {
    Leg leg = new Leg(this, target, listener, wire, timers);
    synchronized (this) {
      if (state != TRYING) {
        leg.done = true;
        return leg;
      }
      legs.add(leg);
      try {
        leg.send(wire.branchInvite(target, invite.clone(), null, inbound));
        return leg;
      } catch (Exception e) {
        LOG.warning("a branch to " + target.uri() + " could not be sent: " + e);
        leg.done = true;
      }
    }
    events.run(() -> listener.failed(0));
    return leg;
  }

  synchronized void response(Leg leg, Response response) {
    int status = response.getStatusCode();
    if (status < 200) {
      leg.heard = true;
      if (status > 100 && state == TRYING && !leg.done) {
        relay(response);
        events.run(() -> leg.listener.ringing(status));
      }
      return;
    }
    if (status < 300) {
      leg.finish();
      if (state == TRYING) {
        state = ANSWERED;
        answer = response;
        route.answeredOver(leg.target.flow());
        relay(response);
        events.run(leg.listener::answered);
      } else if (answeredBy(response)) {
        wire.forwardResponseStateless(response);
      }
      return;
    }
    if (leg.done) {
      return;
    }
    if ((status == 401 || status == 407) && state == TRYING && leg.retryWithLogin(response)) {
      return;
    }
    leg.finish();
    if (best == null || rank(response) < rank(best)) {
      best = response;
    }
    events.run(() -> leg.listener.failed(status));
  }

  synchronized void unanswered(Leg leg) {
    if (leg.done) {
      return;
    }
    leg.finish();
    events.run(() -> leg.listener.failed(0));
  }

  synchronized boolean answered() {
    return state == ANSWERED;
  }

  /** Whether an in-dialog request is of this answered dialog ({@link DialogMatch#inDialog}). */
  synchronized boolean belongs(Request request) {
    return DialogMatch.inDialog(callerTag, answer, invite, request);
  }

  /** Whether {@code cancel} cancels this call's INVITE ({@link DialogMatch#cancels}). */
  boolean cancelledBy(Request cancel) {
    return DialogMatch.cancels(callerTag, invite, parsed.cseq(), cancel);
  }

  /** Whether {@code response} is the 2xx the call was answered with (same To tag). */
  synchronized boolean answeredBy(Response response) {
    return answer != null && String.valueOf(toTag(answer)).equals(String.valueOf(toTag(response)));
  }

  @Override
  public void fail(int status, String reason, SipAnswer.Header... extra) {
    synchronized (this) {
      if (state != TRYING) {
        return;
      }
      state = ENDED;
      cancelLegs();
      try {
        if (best != null && best.getStatusCode() == status) {
          Response copy = (Response) best.clone();
          copy.removeFirst(ViaHeader.NAME);
          server.sendResponse(copy);
        } else {
          Response own = wire.messages().createResponse(status, invite);
          tag(own);
          if (reason != null && !reason.isBlank()) {
            own.addHeader(
                wire.headers()
                    .createHeader(
                        "Reason", "SIP;cause=" + status + ";text=\"" + ascii(reason) + "\""));
          }
          for (SipAnswer.Header header : extra) {
            own.addHeader(wire.headers().createHeader(header.name(), header.value()));
          }
          server.sendResponse(own);
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "a final answer could not be sent", e);
      }
    }
    proxy.forget(parsed.callId(), this);
  }

  void cancelledByCaller() {
    synchronized (this) {
      if (state != TRYING) {
        return;
      }
      state = ENDED;
      cancelLegs();
      wire.answer(server, invite, 487, null);
    }
    proxy.forget(parsed.callId(), this);
    CallListener current = listener;
    if (current != null) {
      events.run(current::cancelled);
    }
  }

  private void cancelLegs() {
    for (Leg leg : legs) {
      leg.cancel();
    }
  }

  /** A request within the answered dialog: forwarded statefully along the route. */
  void inDialog(Request request, ServerTransaction incoming) {
    boolean byCaller = callerTag != null && callerTag.equals(fromTag(request));
    long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    boolean bye = Request.BYE.equals(request.getMethod());
    synchronized (this) {
      if (byCaller) {
        callerCseq = Math.max(callerCseq, cseq);
      } else {
        calleeCseq = Math.max(calleeCseq, cseq);
      }
      if (bye) {
        state = ENDED;
      }
    }
    try {
      Optional<Request> next;
      synchronized (this) {
        next = route.next(request, byCaller);
      }
      if (next.isEmpty()) {
        flowFailed(incoming, request);
      } else {
        Request out = next.get();
        String transport = wire.nextHopTransport(out);
        out.addFirst(wire.via(transport));
        ClientTransaction client = wire.provider(transport).getNewClientTransaction(out);
        client.setApplicationData(new Relay(incoming, request, wire));
        client.sendRequest();
      }
    } catch (Exception e) {
      LOG.fine(() -> "a " + request.getMethod() + " could not be forwarded: " + e);
      wire.answer(incoming, request, 500, null);
    }
    if (bye) {
      proxy.forget(parsed.callId(), this);
      CallListener current = listener;
      if (current != null) {
        events.run(() -> current.ended(byCaller));
      }
    }
  }

  /** The ACK of the answered call: passed on statelessly, dropped when its flow is gone. */
  void ack(Request request) {
    boolean byCaller = callerTag != null && callerTag.equals(fromTag(request));
    try {
      Optional<Request> next;
      synchronized (this) {
        next = route.next(request, byCaller);
      }
      next.ifPresent(wire::forwardStateless);
    } catch (Exception e) {
      LOG.log(Level.FINE, "an ACK could not be forwarded", e);
    }
  }

  /** RFC 5626 §5.3: the phone's connection is gone, so is the way to it. */
  private void flowFailed(ServerTransaction incoming, Request request) throws Exception {
    Response failed = wire.messages().createResponse(430, request);
    failed.setReasonPhrase("Flow Failed");
    incoming.sendResponse(failed);
  }

  @Override
  public void hangUp() {
    Response ok;
    long toCallee;
    long toCaller;
    synchronized (this) {
      if (state != ANSWERED) {
        return;
      }
      state = ENDED;
      ok = answer;
      toCallee = ++callerCseq;
      toCaller = ++calleeCseq;
    }
    proxy.forget(parsed.callId(), this);
    try {
      FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
      ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
      CallIdHeader id = (CallIdHeader) invite.getHeader(CallIdHeader.NAME);
      String calleeFlow;
      String callerFlow;
      synchronized (this) {
        calleeFlow = route.flowTowards(true);
        callerFlow = route.flowTowards(false);
      }
      wire.bye(contactOf(ok), calleeFlow, id, from, to, toCallee);
      wire.bye(
          contactOf(invite),
          callerFlow,
          id,
          wire.headers().createFromHeader(to.getAddress(), to.getTag()),
          wire.headers().createToHeader(from.getAddress(), from.getTag()),
          toCaller);
    } catch (Exception e) {
      LOG.warning("a BYE of call " + parsed.callId() + " could not be sent: " + e);
    }
  }

  private void relay(Response response) {
    try {
      Response copy = (Response) response.clone();
      copy.removeFirst(ViaHeader.NAME);
      server.sendResponse(copy);
    } catch (Exception e) {
      LOG.warning("an answer could not be relayed: " + e);
    }
  }

  private void tag(Response response) {
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (to != null && to.getTag() == null) {
      try {
        to.setTag(random());
      } catch (java.text.ParseException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
