package io.dialtone.call.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.did.control.DidDirectory;
import io.dialtone.extension.control.CallingExtensions;
import io.dialtone.extension.control.CallingParty;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.usage.control.CallDurations;
import io.dialtone.usage.control.CapGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Decides one call: number read in the account's country, call policy, caps (spend, concurrent of
 * extension/account/reseller), caller ID; an admitted call counts as active until its ticket
 * closes.
 *
 * <p>In order: the caller must be a live, enabled extension of the account (else 403). An emergency
 * number goes out, whatever the rules, caps and numbers. A short number that is a live extension of
 * the account is an internal call (the callee's own blocks and the caps do not apply); disabled:
 * 480 (it exists, and is unavailable until enabled again); no extension with that number within the
 * account's range: 404 (RFC 3261 §21.4.5: the user does not exist at the domain; only the account's
 * own phones can tell the two apart, so nothing leaks between tenants). Anything else asks {@link
 * CallDecisions} with the extension's class of service, the rules, the platform ranges and the
 * account's spend and concurrent caps, then the concurrent-call caps of every account above
 * (resellers); a refusal is 403 naming the rule, with a blocked CDR. The caller ID is the
 * extension's own DID while the account holds it, else the account's default ({@link
 * DidDirectory#callerId}); never what the phone sent. The decision and the start of the count run
 * under one lock per top reseller, so two calls at once cannot both take the last place under a
 * concurrent cap.
 */
@ApplicationScoped
public class CallAdmission {

  private static final Logger LOG = Logger.getLogger(CallAdmission.class.getName());

  private static final int STRIPES = 64;

  private final Object[] stripes = new Object[STRIPES];
  private final Map<Long, long[]> paths = new ConcurrentHashMap<>();

  @Inject CallDecisions decisions;
  @Inject CallingExtensions extensions;
  @Inject DidDirectory dids;
  @Inject CallRecorder recorder;
  @Inject CapGate caps;
  @Inject CallDurations durations;
  @Inject AccountTree tree;
  @Inject CallLedger ledger;

  public CallAdmission() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** Decides one call. */
  public Admission admit(CallRequest request) {
    Optional<CallingParty> caller =
        extensions
            .byId(request.extensionId())
            .filter(p -> p.account().equals(request.account()))
            .filter(p -> p.number().equals(request.caller()))
            .filter(CallingParty::active);
    if (caller.isEmpty()) {
      return failed(
          request, Direction.OUTBOUND, printable(request.dialled()), 403, "Caller not allowed");
    }
    Classification reading = decisions.classify(request.account().value(), request.dialled());
    DialledRoute route =
        DialledRoute.of(reading, number -> extensions.byNumber(request.account(), number));
    return switch (route) {
      case DialledRoute.ToExtension to -> internal(request, caller.get(), to.callee());
      case DialledRoute.Unavailable off ->
          failed(
              request,
              Direction.INTERNAL,
              off.callee().number().digits(),
              480,
              "Extension unavailable");
      case DialledRoute.NoSuchExtension none ->
          failed(request, Direction.INTERNAL, none.digits(), 404, "No such extension");
      case DialledRoute.Outside out -> outbound(request, caller.get());
    };
  }

  private Admission internal(CallRequest request, CallingParty caller, CallingParty callee) {
    CallFacts facts =
        new CallFacts(
            request.account(),
            caller.number(),
            Direction.INTERNAL,
            caller.number().digits(),
            callee.number().digits(),
            DestinationClass.INTERNAL,
            null,
            request.callId(),
            request.at());
    long[] path = path(request.account());
    LedgerTicket ticket;
    synchronized (lock(path)) {
      ticket = open(facts, path, new long[] {caller.id(), callee.id()});
    }
    ticket.meant(null, callee.number());
    return new Admission.Internal(callee.number(), ticket);
  }

  private Admission outbound(CallRequest request, CallingParty caller) {
    long[] path = path(request.account());
    Optional<E164Number> callerId = dids.callerId(request.account().value(), caller.callerId());
    synchronized (lock(path)) {
      Decision decision =
          decisions.decide(request.account(), caller.number(), request.dialled(), request.at());
      boolean emergency = decision.rule() == DecidingRule.EMERGENCY_NUMBER;
      if (!decision.allowed()) {
        return blocked(request, decision);
      }
      if (!emergency && resellerAtCap(path, request)) {
        return blocked(
            request, new Decision(DecidingRule.USAGE_LIMIT, null, decision.classification()));
      }
      Classification call = decision.classification();
      if (callerId.isEmpty() && !emergency) {
        return failed(
            request,
            Direction.OUTBOUND,
            callee(request, call),
            403,
            "No caller ID for the account");
      }
      CallFacts facts =
          new CallFacts(
              request.account(),
              caller.number(),
              Direction.OUTBOUND,
              callerId.map(E164Number::value).orElse(caller.number().digits()),
              callee(request, call),
              call.destination(),
              CallRecord.region(call.country()),
              request.callId(),
              request.at());
      LedgerTicket ticket = open(facts, path, new long[] {caller.id()});
      return new Admission.Outbound(
          call.number(), callerId.orElse(null), emergency, ticket, dialString(call));
    }
  }

  /**
   * Opens the ticket of a call from a carrier to DID {@code did} of {@code account}, meant for
   * extension {@code target} (null: the DID rings none): counted among the account's (and its
   * resellers') calls in progress like any call, never refused here.
   *
   * @param caller the caller's number as the carrier sent it (printable), e.g. {@code +15145550111}
   */
  public LedgerTicket inbound(
      AccountId account,
      E164Number did,
      CallingParty target,
      String caller,
      String callId,
      java.time.Instant at) {
    String from = printable(caller);
    CallFacts facts =
        new CallFacts(
            account,
            target == null ? null : target.number(),
            Direction.INBOUND,
            from,
            did.value(),
            DestinationClass.UNKNOWN,
            null,
            callId,
            at);
    long[] path = path(account);
    LedgerTicket ticket;
    synchronized (lock(path)) {
      ticket = open(facts, path, target == null ? new long[0] : new long[] {target.id()});
    }
    ticket.meant(did, target == null ? null : target.number());
    return ticket;
  }

  /**
   * Whether {@code member} of {@code account} has as many calls in progress as its own
   * concurrent-call cap allows: a ring group does not ring it then (busy by policy). Read without
   * the lock: {@link #seat} is the count that holds. A cap that cannot be read counts as not
   * reached (the member rings).
   */
  boolean atOwnCap(AccountId account, ExtensionNumber member, java.time.Instant at) {
    try {
      return caps.extensionAtCap(account, member, at);
    } catch (RuntimeException e) {
      LOG.warning("the concurrent-call cap of extension " + member.digits() + " unread: " + e);
      return false;
    }
  }

  /**
   * The ring group's call of {@code ticket} was answered by {@code member}: from {@code at} on it
   * counts among the member's calls in progress, under the lock every admission of the account's
   * calls takes (a call of the member admitted at the same instant sees it, and two answers at once
   * are counted one after the other). The answered call is never refused here (the phone has
   * answered); when the member was already at its own cap — only possible when its phone answers a
   * call it was rung for while it was below the cap, e.g. two group calls ringing it at once — the
   * count goes above the cap and a warning names the call and the member. True when within the cap.
   */
  boolean seat(LedgerTicket ticket, ExtensionNumber member, java.time.Instant at) {
    AccountId account = ticket.facts().account();
    long[] path = path(account);
    boolean within;
    synchronized (lock(path)) {
      within = !atOwnCap(account, member, at);
      ledger.memberAnswered(account, member);
    }
    if (!within) {
      LOG.warning(
          "call "
              + ticket.callId()
              + ": extension "
              + member.digits()
              + " of account "
              + account.value()
              + " answered a ring group call beyond its own concurrent-call cap; it counts");
    }
    return within;
  }

  /**
   * Where a call to an extension of {@code account} goes on to its continuity destination {@code
   * destination} (as the customer typed it): an enabled extension of the account, or a number
   * outside admitted by the call policy as a call of {@code asExtension} (its class of service, the
   * account's rules and caps; an emergency number too), presenting {@code present}, on {@code
   * ticket}. A refused number is not recorded here: the call's ticket records the refusal.
   */
  Onward onward(
      AccountId account,
      ExtensionNumber asExtension,
      String destination,
      E164Number present,
      CallTicket ticket,
      java.time.Instant at) {
    if (destination == null || destination.isBlank()) {
      return new Onward.Nowhere();
    }
    Classification reading = decisions.classify(account.value(), destination);
    DialledRoute route = DialledRoute.of(reading, number -> extensions.byNumber(account, number));
    if (route instanceof DialledRoute.ToExtension to) {
      return new Onward.ToExtension(to.callee());
    }
    if (!(route instanceof DialledRoute.Outside)) {
      return new Onward.Nowhere();
    }
    long[] path = path(account);
    synchronized (lock(path)) {
      Decision decision = decisions.decide(account, asExtension, destination, at);
      boolean emergency = decision.rule() == DecidingRule.EMERGENCY_NUMBER;
      if (!decision.allowed()) {
        return new Onward.Refused(decision);
      }
      if (!emergency && resellerAtCap(path, at)) {
        return new Onward.Refused(
            new Decision(DecidingRule.USAGE_LIMIT, null, decision.classification()));
      }
      Classification call = decision.classification();
      return new Onward.Out(
          new Admission.Outbound(call.number(), present, emergency, ticket, dialString(call)));
    }
  }

  /** The caller ID an onward call of {@code extension} presents (its DID, else the account's). */
  Optional<E164Number> callerIdOf(CallingParty extension) {
    return dids.callerId(extension.account().value(), extension.callerId());
  }

  /** Whether an account above the caller's has as many calls in progress as its cap allows. */
  private boolean resellerAtCap(long[] path, CallRequest request) {
    return resellerAtCap(path, request.at());
  }

  private boolean resellerAtCap(long[] path, java.time.Instant at) {
    for (int i = 1; i < path.length; i++) {
      if (caps.atConcurrentCap(AccountId.of(path[i]), at)) {
        return true;
      }
    }
    return false;
  }

  private LedgerTicket open(CallFacts facts, long[] path, long[] extensionIds) {
    Duration max = durations.maxDuration(facts.account().value());
    LedgerTicket ticket = new LedgerTicket(facts, max, path, extensionIds, ledger::closed);
    ledger.opened(ticket);
    return ticket;
  }

  private Admission blocked(CallRequest request, Decision decision) {
    recorder.record(
        CallRecord.blocked(
            request.account(),
            request.caller(),
            request.caller().digits(),
            request.dialled(),
            decision,
            request.at(),
            request.callId()));
    return new Admission.Refused(403, reason(decision.rule()));
  }

  /**
   * Records a call refused with 503 beyond the ceiling of calls in progress, before any admission:
   * a FAILED CDR, so the customer sees the attempt. Queued without waiting for its commit (the
   * refusal must stay cheap when the node is full); the caller is an authenticated phone of an
   * active account, held to its source's request rate like any other, so these rows grow no faster
   * than the blocked attempts a phone can make.
   */
  public void refusedAtCeiling(CallRequest request) {
    boolean internal =
        decisions.classify(request.account().value(), request.dialled()).destination()
            == DestinationClass.INTERNAL;
    CallRecord call =
        failedRecord(
            request,
            internal ? Direction.INTERNAL : Direction.OUTBOUND,
            printable(request.dialled()),
            503);
    recorder
        .submit(call)
        .whenComplete(
            (done, failure) -> {
              if (failure != null) { // one line, no trace: a flood must not flood the log
                LOG.warning("the CDR of a call refused at the ceiling was lost: " + failure);
              }
            });
  }

  private Admission failed(
      CallRequest request, Direction direction, String callee, int status, String reason) {
    recorder.record(failedRecord(request, direction, callee, status));
    return new Admission.Refused(status, reason);
  }

  private static CallRecord failedRecord(
      CallRequest request, Direction direction, String callee, int status) {
    Classification reading =
        direction == Direction.INTERNAL
            ? new Classification(DestinationClass.INTERNAL, callee, null, null, false)
            : Classification.invalid();
    return new CallRecord(
        request.account(),
        request.caller(),
        direction,
        request.caller().digits(),
        callee,
        CallRecord.digitsOf(callee),
        reading.destination(),
        null,
        request.at(),
        null,
        request.at(),
        0,
        Disposition.FAILED,
        null,
        null,
        null,
        List.of(),
        request.callId(),
        null,
        status);
  }

  /**
   * The Reason/Warning text of a refusal by {@code rule}: ASCII, e.g. "Blocked by rule: no rate".
   */
  static String reason(DecidingRule rule) {
    return "Blocked by rule: " + rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String callee(CallRequest request, Classification call) {
    return call.hasNumber() ? call.number().value() : printable(request.dialled());
  }

  private static String dialString(Classification call) {
    return call.hasNumber() ? call.number().value() : call.digits();
  }

  private static String printable(String dialled) {
    String kept = dialled == null ? "" : dialled.replaceAll("[^\\x21-\\x7e]", "");
    kept = kept.length() > CallRecord.PARTY_MAX ? kept.substring(0, CallRecord.PARTY_MAX) : kept;
    return kept.isEmpty() ? "?" : kept;
  }

  /** The account, then each account above it, up to the platform (parents never change). */
  private long[] path(AccountId account) {
    return paths.computeIfAbsent(account.value(), tree::pathToRoot);
  }

  /** One lock per top reseller: every account whose calls one concurrent cap counts shares it. */
  private Object lock(long[] path) {
    long top = path.length >= 2 ? path[path.length - 2] : path[0];
    return stripes[Math.floorMod(Long.hashCode(top), STRIPES)];
  }
}
