package io.dialtone.call.control;

import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.sip.control.Branch;
import io.dialtone.sip.control.BranchListener;
import io.dialtone.sip.control.CallListener;
import io.dialtone.sip.control.Diversion;
import io.dialtone.sip.control.ForkTarget;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.trunk.control.TrunkRoute;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The routing of one admitted call and its life until its ticket closes. Internal: forked in
 * parallel to every registered contact of the callee (RFC 3261 §16.7); the first 2xx wins and the
 * other branches are cancelled; a 6xx ends the call at once; when every branch failed the caller
 * gets the best failure (6xx, else the lowest class); no contact: 480. Outbound: one trunk after
 * the other in the directory's order, skipping trunks whose channels are all busy; 408, 5xx, a
 * transport error or no answer within the trunk's setup time moves on to the next trunk, any other
 * failure (404, 486, 603...) is final; none left: 503. Every trunk tried goes into the ticket.
 * Unanswered after {@link SignallingSettings#ring()}: 480.
 *
 * <p>A ring group's call rings in {@link RingStep}s ({@link #toSteps}): all its members' phones in
 * one step, or one member's after the other; a step that rang out or whose phones all failed (but
 * for a 6xx) gives way to the next, and only after the last does the continuity apply. A member at
 * its own concurrent-call cap when its step begins is not rung (busy by policy).
 *
 * <p>A call to an extension's phones has a {@link Fallback}, the service continuity: when no phone
 * is registered, every phone failed with no answer, a transport error, 408, 480 or a server error
 * (not a 486, passed back, nor a 6xx, which ends the search), or nobody answered within the ring
 * timeout, the fallback may route the call on — to another extension's phones or out through the
 * trunks — once; a failure of the onward route is final. Answered: ended by the first BYE, or by
 * Dialtone at the maximum duration (BYE to both phones). Every ending releases the call's place and
 * trunk channel exactly once. Thread-safe (one lock per call).
 */
final class RoutedCall implements CallListener {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(RoutedCall.class.getName());

  private static final Predicate<ExtensionNumber> NOBODY_BUSY = extension -> false;

  private final ProxiedCall call;
  private final CallTicket ticket;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final SignallingSettings settings;
  private final TrunkChannels channels;
  private final Runnable released;

  private final List<Branch> branches = new ArrayList<>();
  private int pending;
  private int best;
  private boolean answered;
  private boolean over;
  private ScheduledFuture<?> ringTimer;
  private ScheduledFuture<?> durationTimer;

  private Fallback fallback = Fallback.NONE;
  private boolean toPhones;
  private RingStep step;
  private final Deque<RingStep> nextSteps = new ArrayDeque<>();
  private boolean anyPhones;
  private boolean anyNoAnswer;
  private Predicate<ExtensionNumber> busy = NOBODY_BUSY;
  private boolean anySkipped;
  private int phase;
  private boolean onlyUnreachable;
  private boolean onlyContinuing;

  private Deque<TrunkRoute> trunks;
  private Admission.Outbound outbound;
  private Diversion diversion;
  private TrunkRoute heldTrunk;

  RoutedCall(
      ProxiedCall call,
      CallTicket ticket,
      Clock clock,
      ScheduledExecutorService timers,
      SignallingSettings settings,
      TrunkChannels channels,
      Runnable released) {
    this.call = call;
    this.ticket = ticket;
    this.clock = clock;
    this.timers = timers;
    this.settings = settings;
    this.channels = channels;
    this.released = released;
  }

  /** Forks the call to the callee's registered {@code contacts}. */
  synchronized void toContacts(List<String> contacts) {
    toExtension(
        null, contacts.stream().map(ForkTarget::contact).toList(), settings.ring(), Fallback.NONE);
  }

  /**
   * Forks the call to the registered phones ({@code contacts}) of extension {@code callee} (null:
   * not known), ringing at most {@code ring}; {@code onward} is its service continuity.
   */
  synchronized void toExtension(
      ExtensionNumber callee, List<ForkTarget> contacts, Duration ring, Fallback onward) {
    toSteps(List.of(RingStep.of(callee, contacts, ring)), onward);
  }

  /**
   * Rings {@code steps} one after the other (a ring group in order; a single step otherwise): the
   * next step when a step's phones did not answer within its ring time or all failed (any failure
   * but a 6xx); after the last, {@code onward} is the service continuity, for the reason of the
   * whole: not registered when no step had a phone, no answer when a step rang out, else
   * unreachable.
   */
  synchronized void toSteps(List<RingStep> steps, Fallback onward) {
    toSteps(steps, onward, NOBODY_BUSY);
  }

  /**
   * As {@link #toSteps(List, Fallback)}, a ring group's call: as each step begins, the phones of
   * the members {@code busyMembers} says are busy (at their own concurrent-call cap) are not rung;
   * a step left without phones gives way at once (486 when its members were busy), and a search in
   * which no phone rang because members were busy goes to the continuity as unreachable.
   */
  synchronized void toSteps(
      List<RingStep> steps, Fallback onward, Predicate<ExtensionNumber> busyMembers) {
    call.listen(this);
    busy = busyMembers;
    anySkipped = false;
    fallback = onward;
    nextSteps.addAll(steps);
    anyPhones = false;
    anyNoAnswer = false;
    nextStep();
  }

  private void nextStep() {
    RingStep next = nextSteps.poll();
    fork(next == null ? new RingStep(List.of(), settings.ring()) : next);
  }

  private void fork(RingStep wholeStep) {
    cancel(ringTimer);
    phase++;
    toPhones = true;
    RingStep ringStep = wholeStep.without(busy);
    boolean skipped = ringStep != wholeStep;
    anySkipped |= skipped;
    step = ringStep;
    branches.clear();
    pending = 0;
    best = 0;
    onlyUnreachable = true;
    onlyContinuing = true;
    if (ringStep.phones().isEmpty()) {
      if (skipped) {
        stepOver(486, "Busy here");
      } else {
        stepOver(480, "Not registered");
      }
      return;
    }
    anyPhones = true;
    ringTimer = schedule(ringStep.ring(), this::ringTimeout);
    for (RingStep.Phone phone : ringStep.phones()) {
      pending++;
      branches.add(call.forward(phone.target(), new ContactBranch(phone.extension(), phase)));
    }
  }

  /**
   * The current step's phones did not take the call: the next step rings, else the fallback decides
   * with the reason of the whole search, else the caller gets {@code status}.
   */
  private void stepOver(int status, String text) {
    if (over || answered) {
      return;
    }
    if (!nextSteps.isEmpty()) {
      nextStep();
      return;
    }
    ContinuityReason reason =
        !anyPhones
            ? anySkipped ? ContinuityReason.UNREACHABLE : ContinuityReason.NOT_REGISTERED
            : anyNoAnswer ? ContinuityReason.NO_ANSWER : ContinuityReason.UNREACHABLE;
    giveUp(reason, status, text);
  }

  /**
   * The continuity: the call goes on to the registered {@code contacts} of extension {@code callee}
   * (no further continuity). For a {@link Fallback} only, under the call's lock.
   */
  void onwardToExtension(ExtensionNumber callee, List<ForkTarget> contacts, Duration ring) {
    fallback = Fallback.NONE;
    busy = NOBODY_BUSY;
    nextSteps.clear();
    fork(RingStep.of(callee, contacts, ring));
  }

  /** The continuity: the call goes out through {@code candidates}. For a {@link Fallback} only. */
  void onwardToTrunks(Admission.Outbound admitted, List<TrunkRoute> candidates) {
    onwardToTrunks(admitted, candidates, null);
  }

  /**
   * As {@link #onwardToTrunks(Admission.Outbound, List)}, each INVITE out carrying {@code from}
   * (null: none) as its {@code Diversion}.
   */
  void onwardToTrunks(Admission.Outbound admitted, List<TrunkRoute> candidates, Diversion from) {
    diversion = from;
    fallback = Fallback.NONE;
    phase++;
    toPhones = false;
    nextSteps.clear();
    branches.clear();
    outbound = admitted;
    trunks = new ArrayDeque<>(candidates);
    ringTimer = schedule(settings.ring(), this::ringTimeout);
    nextTrunk();
  }

  /** The continuity refused: the call ends with {@code status}. For a {@link Fallback} only. */
  void refuse(int status, String reason) {
    fallback = Fallback.NONE;
    fail(status, reason);
  }

  /**
   * The extension's phones cannot take the call for {@code reason}: its fallback routes it on, or
   * the caller gets {@code status}.
   */
  private void giveUp(ContinuityReason reason, int status, String text) {
    cancel(ringTimer);
    Fallback onward = fallback;
    fallback = Fallback.NONE;
    if (over || answered) {
      return;
    }
    if (!onward.take(reason, this)) {
      fail(status, text);
    }
  }

  /** Sends the call out through {@code candidates}, in order. */
  synchronized void toTrunks(Admission.Outbound admitted, List<TrunkRoute> candidates) {
    call.listen(this);
    outbound = admitted;
    trunks = new ArrayDeque<>(candidates);
    ringTimer = schedule(settings.ring(), this::ringTimeout);
    nextTrunk();
  }

  private void nextTrunk() {
    while (!trunks.isEmpty()) {
      TrunkRoute trunk = trunks.poll();
      if (!channels.take(trunk)) {
        continue; // every channel busy: as if it were down, without an attempt on the wire
      }
      heldTrunk = trunk;
      pending = 1;
      ForkTarget target =
          new ForkTarget(
              uriOf(trunk, outbound.dialString()),
              Optional.ofNullable(outbound.callerId()).map(E164Number::value),
              trunk.setupTimeout(),
              trunk.login().map(l -> new ForkTarget.Login(l.username(), l.password(), l.realm())));
      if (diversion != null) {
        target = target.divertedFrom(diversion);
      }
      branches.add(call.forward(target, new TrunkBranch(trunk)));
      return;
    }
    fail(503, "No trunk available");
  }

  /** The Request-URI of a call to {@code user} through {@code trunk}. */
  static String uriOf(TrunkRoute trunk, String user) {
    String host = trunk.host().indexOf(':') >= 0 ? "[" + trunk.host() + "]" : trunk.host();
    String transport = trunk.transport().toUpperCase(Locale.ROOT);
    return "sip:"
        + (user == null || user.isEmpty() ? "" : user + "@")
        + host
        + ":"
        + trunk.port()
        + ("UDP".equals(transport) ? "" : ";transport=" + transport.toLowerCase(Locale.ROOT));
  }

  private final class ContactBranch implements BranchListener {
    private final ExtensionNumber callee;
    private final int forkPhase;

    ContactBranch(ExtensionNumber callee, int forkPhase) {
      this.callee = callee;
      this.forkPhase = forkPhase;
    }

    @Override
    public void ringing(int status) {
      // passed on to the caller by the proxy
    }

    @Override
    public void answered() {
      synchronized (RoutedCall.this) {
        if (callee != null && !over && !answered) {
          ticket.answeredBy(callee);
        }
      }
      RoutedCall.this.answered(null, this);
    }

    @Override
    public void failed(int status) {
      synchronized (RoutedCall.this) {
        if (forkPhase != phase) {
          return; // a branch of the phones the call has left
        }
        pending--;
        int given = status == 0 ? 408 : status;
        if (best == 0 || rank(given) < rank(best)) {
          best = given;
        }
        onlyUnreachable &= unreachable(status);
        onlyContinuing &= unreachable(status) || status == 480;
        if (over || answered) {
          return;
        }
        if (given >= 600) {
          fail(best, "");
        } else if (pending == 0) {
          if (onlyUnreachable) {
            step.extensions().forEach(fallback::unreachable);
          }
          if (onlyContinuing || !nextSteps.isEmpty()) {
            stepOver(best, "");
          } else {
            fail(best, "");
          }
        }
      }
    }
  }

  /** Whether a phone's failure means it could not be reached: no answer, transport, 408, 5xx. */
  static boolean unreachable(int status) {
    return status == 0 || status == 408 || (status >= 500 && status < 600);
  }

  private final class TrunkBranch implements BranchListener {
    private final TrunkRoute trunk;

    TrunkBranch(TrunkRoute trunk) {
      this.trunk = trunk;
    }

    @Override
    public void ringing(int status) {
      // passed on to the caller by the proxy
    }

    @Override
    public void answered() {
      ticket.trunkAttempt(trunk.name(), 200, clock.instant());
      RoutedCall.this.answered(trunk.name(), this);
    }

    @Override
    public void failed(int status) {
      synchronized (RoutedCall.this) {
        ticket.trunkAttempt(trunk.name(), status, clock.instant());
        if (heldTrunk == trunk) {
          channels.release(trunk);
          heldTrunk = null;
        }
        if (over || answered) {
          return;
        }
        if (failsOver(status)) {
          nextTrunk();
        } else {
          fail(status, "");
        }
      }
    }
  }

  /** Whether a trunk's failure moves the call to the next trunk (RFC 3261 §16.7 + the issue). */
  static boolean failsOver(int status) {
    return status == 0 || status == 408 || (status >= 500 && status < 600);
  }

  private synchronized void answered(String trunk, BranchListener winner) {
    if (over || answered) {
      return;
    }
    answered = true;
    cancel(ringTimer);
    ticket.answered(clock.instant(), trunk);
    for (Branch branch : branches) {
      branch.cancel(); // the winner's is final already: no effect on it
    }
    durationTimer = schedule(settings.maxDuration(ticket), this::maxDuration);
  }

  private synchronized void ringTimeout() {
    if (over || answered) {
      return;
    }
    for (Branch branch : branches) {
      branch.cancel();
    }
    if (toPhones) {
      phase++; // the cancelled branches' answers are of no interest any more
      anyNoAnswer = true;
      stepOver(480, "No answer");
    } else {
      fail(480, "No answer");
    }
  }

  private synchronized void maxDuration() {
    if (over) {
      return;
    }
    over = true;
    LOG.info(() -> "call " + ticket.callId() + " reached its maximum duration: BYE to both phones");
    call.hangUp();
    ticket.ended(clock.instant(), HangupSide.MAX_DURATION);
    release();
  }

  @Override
  public synchronized void cancelled() {
    if (over) {
      return;
    }
    over = true;
    ticket.failed(clock.instant(), 487);
    release();
  }

  @Override
  public synchronized void ended(boolean byCaller) {
    if (over) {
      return;
    }
    over = true;
    ticket.ended(clock.instant(), byCaller ? HangupSide.CALLER : HangupSide.CALLEE);
    release();
  }

  /** Ends the unanswered call with {@code status} towards the caller and in the ticket. */
  private void fail(int status, String reason) {
    if (over) {
      return;
    }
    over = true;
    ticket.failed(clock.instant(), status);
    call.fail(status, reason);
    release();
  }

  private void release() {
    cancel(ringTimer);
    cancel(durationTimer);
    if (heldTrunk != null) {
      channels.release(heldTrunk);
      heldTrunk = null;
    }
    released.run();
  }

  private ScheduledFuture<?> schedule(Duration after, Runnable task) {
    return timers.schedule(task, Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** RFC 3261 §16.7 step 6: any 6xx first, else the lowest class (503 counted as 500). */
  private static int rank(int status) {
    if (status >= 600) {
      return 0;
    }
    return status == 503 ? 500 : status;
  }
}
