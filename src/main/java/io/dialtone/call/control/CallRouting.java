package io.dialtone.call.control;

import io.dialtone.platform.control.CallPathThreads;
import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipContacts;
import io.dialtone.sip.control.SipUser;
import io.dialtone.trunk.control.TrunkDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an authenticated INVITE goes: beyond the ceiling of calls in progress, 503 with Retry-After
 * before any admission (with a FAILED CDR of the attempt); else {@link CallAdmission} decides, and
 * an admitted call is routed by a {@link RoutedCall}: to the callee's registered contacts
 * (internal) or out through the carrier trunks ({@link TrunkDirectory#candidates}); a refusal
 * answers its status with the rule in a Warning header (its CDR is already written).
 */
@ApplicationScoped
public class CallRouting implements CallHandler {

  private static final Logger LOG = Logger.getLogger(CallRouting.class.getName());

  @Inject CallAdmission admission;
  @Inject SipContacts contacts;
  @Inject TrunkRoutes trunks;
  @Inject SignallingSettings settings;
  @Inject Clock clock;

  @Inject CallPathThreads threads;

  private final AtomicInteger inProgress = new AtomicInteger();
  private final TrunkChannels channels = new TrunkChannels();

  /** Calls in progress now (admitted or being admitted, not yet ended). */
  public int inProgress() {
    return inProgress.get();
  }

  @Override
  public void invited(SipUser caller, ProxiedCall call) {
    if (inProgress.incrementAndGet() > settings.maxInProgress()) {
      inProgress.decrementAndGet();
      try {
        admission.refusedAtCeiling(request(caller, call));
      } catch (RuntimeException e) { // e.g. the CDR writer full: one line, no trace per request
        LOG.warning("the CDR of a call refused at the ceiling was not written: " + e);
      }
      call.fail(
          503,
          "Too many calls",
          new SipAnswer.Header("Retry-After", Integer.toString(settings.retryAfterSeconds())));
      return;
    }
    AtomicBoolean once = new AtomicBoolean();
    Runnable released =
        () -> {
          if (once.compareAndSet(false, true)) {
            inProgress.decrementAndGet();
          }
        };
    try {
      route(caller, call, released);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "a call could not be routed", e);
      call.fail(500, "Server error");
      released.run();
    }
  }

  private void route(SipUser caller, ProxiedCall call, Runnable released) {
    Admission decided = admission.admit(request(caller, call));
    switch (decided) {
      case Admission.Refused refused -> {
        call.fail(
            refused.status(),
            refused.reason(),
            new SipAnswer.Header("Warning", "399 dialtone \"" + ascii(refused.reason()) + "\""));
        released.run();
      }
      case Admission.Internal internal ->
          routed(call, internal.ticket(), released)
              .toContacts(contacts.of(caller.realm(), internal.callee()));
      case Admission.Outbound outbound ->
          routed(call, outbound.ticket(), released)
              .toTrunks(outbound, trunks.candidates(outbound.emergency()));
    }
  }

  private CallRequest request(SipUser caller, ProxiedCall call) {
    return new CallRequest(
        caller.accountId(),
        caller.extensionId(),
        caller.number(),
        caller.realm(),
        call.dialled(),
        call.request().callId(),
        clock.instant());
  }

  private RoutedCall routed(ProxiedCall call, CallTicket ticket, Runnable released) {
    return new RoutedCall(call, ticket, clock, threads.timers(), settings, channels, released);
  }

  private static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
