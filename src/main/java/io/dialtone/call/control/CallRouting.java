package io.dialtone.call.control;

import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.did.control.InboundRoute;
import io.dialtone.did.control.InboundRoutes;
import io.dialtone.did.control.RingGroupRoute;
import io.dialtone.extension.control.CallingExtensions;
import io.dialtone.extension.control.CallingParty;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.platform.control.CallPathThreads;
import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.ContactsUnreachable;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipContacts;
import io.dialtone.sip.control.SipUser;
import io.dialtone.trunk.control.TrunkDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>A carrier's INVITE ({@link #fromCarrier}) to a DID of an active customer ({@link
 * InboundRoutes}) rings the DID's extension's registered phones, or its ring group's members' (all
 * at once, or one member after the other for the group's ring time each: {@link RingStep}); any
 * other number: 404. Calls to an extension's phones (inbound and internal) have the service
 * continuity ({@link Fallback}): the DID's continuity destination, else the extension's — another
 * extension of the account, or a number out through the trunks admitted by the call policy as the
 * account's call ({@link CallAdmission#onward}; an inbound call's leg out presents the caller and
 * names the DID in Diversion, {@link ForwardedIdentity}; an internal call's presents the callee's
 * caller ID). The extension's phones ring for the DID's ring timeout, else the extension's, else
 * {@value #INBOUND_RING_SECONDS} s on an inbound call and the platform's ring time on an internal
 * one. A forked call whose phones all failed unreachable fires {@link ContactsUnreachable}.
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
  @Inject InboundRoutes inboundRoutes;
  @Inject CallingExtensions extensions;
  @Inject Event<ContactsUnreachable> unreachable;

  /** How long an inbound call rings an extension's phones unless the DID or extension says. */
  static final int INBOUND_RING_SECONDS = 25;

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

  @Override
  public void fromCarrier(String trunk, ProxiedCall call) {
    if (inProgress.incrementAndGet() > settings.maxInProgress()) {
      inProgress.decrementAndGet();
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
      inbound(call, released);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "an inbound call from trunk " + trunk + " could not be routed", e);
      call.fail(500, "Server error");
      released.run();
    }
  }

  private void inbound(ProxiedCall call, Runnable released) {
    Optional<InboundRoute> found = numberOf(call.dialled()).flatMap(inboundRoutes::routeOf);
    if (found.isEmpty()) {
      call.fail(404, "Not found");
      released.run();
      return;
    }
    InboundRoute route = found.get();
    if (route.ringGroup().isPresent()) {
      toGroup(call, route, route.ringGroup().get(), released);
      return;
    }
    Optional<CallingParty> target =
        route
            .extension()
            .flatMap(number -> extensions.byNumber(route.account(), number))
            .filter(CallingParty::active);
    LedgerTicket ticket =
        admission.inbound(
            route.account(),
            route.number(),
            target.orElse(null),
            call.request().from().user(),
            call.request().callId(),
            clock.instant());
    Duration ring =
        route
            .ringTimeout()
            .or(() -> target.map(CallingParty::ringSeconds).map(Duration::ofSeconds))
            .orElse(Duration.ofSeconds(INBOUND_RING_SECONDS));
    String continuity =
        route.continuityDestination().orElse(target.map(CallingParty::continuity).orElse(null));
    ExtensionNumber meant = target.map(CallingParty::number).orElse(null);
    routed(call, ticket, released)
        .toExtension(
            meant,
            target.map(t -> contacts.targetsOf(t.id())).orElse(List.of()),
            ring,
            new Continuity(
                    route.account(),
                    meant,
                    continuity,
                    ForwardedIdentity.presented(call.request().from().user(), route.number()),
                    ticket)
                .divertedFrom(route.number()));
  }

  /**
   * A call to a DID that rings {@code group}: its members' registered phones all at once or one
   * member after the other ({@link RingStep#of(RingGroupRoute, java.util.function.Function)}), then
   * the group's continuity destination, else the DID's, checked at account level. A member at its
   * own concurrent-call cap when its turn comes is not rung ({@link CallAdmission#atOwnCap}); the
   * member that answers counts the call among its calls in progress from the answer on and has its
   * last call stamped at the end ({@link CallAdmission#seat}), like a call to that extension.
   */
  private void toGroup(
      ProxiedCall call, InboundRoute route, RingGroupRoute group, Runnable released) {
    LedgerTicket ticket =
        admission.inbound(
            route.account(),
            route.number(),
            null,
            call.request().from().user(),
            call.request().callId(),
            clock.instant());
    Map<ExtensionNumber, Long> memberIds = new HashMap<>();
    List<RingStep> steps =
        RingStep.of(
            group,
            member ->
                extensions
                    .byNumber(route.account(), member)
                    .filter(CallingParty::active)
                    .map(
                        party -> {
                          memberIds.put(member, party.id());
                          return contacts.targetsOf(party.id());
                        })
                    .orElse(List.of()));
    Map<ExtensionNumber, Long> rung = Map.copyOf(memberIds);
    ticket.meantForGroup(
        route.number(),
        group.name(),
        (answered, member, at) -> {
          Long id = rung.get(member);
          if (id == null) {
            return 0;
          }
          admission.seat(answered, member, at);
          return id;
        });
    String continuity = group.continuityDestination().or(route::continuityDestination).orElse(null);
    routed(call, ticket, released)
        .toSteps(
            steps,
            new Continuity(
                    route.account(),
                    null,
                    continuity,
                    ForwardedIdentity.presented(call.request().from().user(), route.number()),
                    ticket)
                .divertedFrom(route.number()),
            member -> admission.atOwnCap(route.account(), member, clock.instant()));
  }

  /** A called number as carriers send it ({@code +15145550100} or {@code 15145550100}). */
  static Optional<E164Number> numberOf(String dialled) {
    if (dialled == null || dialled.isEmpty()) {
      return Optional.empty();
    }
    return E164Number.parse(dialled.startsWith("+") ? dialled : "+" + dialled);
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
      case Admission.Internal internal -> internal(caller, call, internal, released);
      case Admission.Outbound outbound ->
          routed(call, outbound.ticket(), released)
              .toTrunks(outbound, trunks.candidates(outbound.emergency()));
    }
  }

  private void internal(
      SipUser caller, ProxiedCall call, Admission.Internal internal, Runnable released) {
    Optional<CallingParty> callee = extensions.byNumber(caller.accountId(), internal.callee());
    Duration ring =
        callee.map(CallingParty::ringSeconds).map(Duration::ofSeconds).orElse(settings.ring());
    String continuity = callee.map(CallingParty::continuity).orElse(null);
    routed(call, internal.ticket(), released)
        .toExtension(
            internal.callee(),
            contacts.targetsOf(caller.realm(), internal.callee()),
            ring,
            new Continuity(
                caller.accountId(),
                internal.callee(),
                continuity,
                callee.flatMap(admission::callerIdOf).orElse(null),
                internal.ticket()));
  }

  /**
   * The service continuity of one call to extension {@code meant} of {@code account}: {@code
   * destination} (null: none), presenting {@code present} on a call out.
   */
  private final class Continuity implements Fallback {
    private final AccountId account;
    private final ExtensionNumber meant;
    private final String destination;
    private final E164Number present;
    private final CallTicket ticket;
    private E164Number did;

    Continuity(
        AccountId account,
        ExtensionNumber meant,
        String destination,
        E164Number present,
        CallTicket ticket) {
      this.account = account;
      this.meant = meant;
      this.destination = destination;
      this.present = present;
      this.ticket = ticket;
    }

    /** A carrier's call to {@code number}: a leg out carries it as its Diversion. */
    Continuity divertedFrom(E164Number number) {
      this.did = number;
      return this;
    }

    @Override
    public boolean take(ContinuityReason reason, RoutedCall call) {
      Onward onward =
          admission.onward(account, meant, destination, present, ticket, clock.instant());
      switch (onward) {
        case Onward.Nowhere nowhere -> {
          return false;
        }
        case Onward.ToExtension to -> {
          ticket.continued(reason, to.callee().number().digits());
          call.onwardToExtension(
              to.callee().number(),
              contacts.targetsOf(to.callee().id()),
              to.callee().ringSeconds() == null
                  ? settings.ring()
                  : Duration.ofSeconds(to.callee().ringSeconds()));
          return true;
        }
        case Onward.Out out -> {
          ticket.continued(reason, out.admitted().dialString());
          call.onwardToTrunks(
              out.admitted(),
              trunks.candidates(out.admitted().emergency()),
              did == null ? null : ForwardedIdentity.diversion(did, reason));
          return true;
        }
        case Onward.Refused refused -> {
          String number =
              refused.decision().classification().hasNumber()
                  ? refused.decision().classification().number().value()
                  : null;
          ticket.continued(reason, number);
          ticket.refused(clock.instant(), refused.decision());
          call.refuse(403, CallAdmission.reason(refused.decision().rule()));
          return true;
        }
      }
    }

    @Override
    public void unreachable(ExtensionNumber extension) {
      Optional<CallingParty> party = extensions.byNumber(account, extension);
      if (party.isEmpty()) {
        return;
      }
      ContactsUnreachable event =
          new ContactsUnreachable(
              account.value(), party.get().id(), extension.digits(), clock.instant());
      try {
        threads
            .timers()
            .execute(
                () -> {
                  unreachable.fire(event);
                  unreachable.fireAsync(event);
                });
      } catch (RuntimeException e) {
        LOG.warning("an unreachable extension could not be reported: " + e);
      }
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
