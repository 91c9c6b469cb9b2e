package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.Decision;
import io.dialtone.cdr.control.ContinuityReason;
import io.dialtone.did.control.RingGroupRoute;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.sip.control.Branch;
import io.dialtone.sip.control.BranchListener;
import io.dialtone.sip.control.CallListener;
import io.dialtone.sip.control.ForkTarget;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a call to a ring group rings its members ({@link RingStep}, {@link RoutedCall}): all at once
 * (every member's phones forked together, the first answer wins and the others are cancelled), in
 * order (one member's phones for the ring time, then the next's; a member whose phones all fail
 * passes at once; members without phones are skipped), a 6xx ending the search, members at their
 * own concurrent-call cap not rung, and the service continuity with the reason of the whole search.
 * Timers are fired by hand: nothing waits.
 */
class RingGroupRoutingTest {

  private static final ExtensionNumber E201 = ExtensionNumber.parse("201").orElseThrow();
  private static final ExtensionNumber E202 = ExtensionNumber.parse("202").orElseThrow();
  private static final ExtensionNumber E203 = ExtensionNumber.parse("203").orElseThrow();
  private static final Duration RING = Duration.ofSeconds(15);
  private static final long RING_MS = RING.toMillis();

  private final ManualTimers timers = new ManualTimers();
  private final FakeCall call = new FakeCall();
  private final FakeTicket ticket = new FakeTicket();
  private final RecordingFallback fallback = new RecordingFallback();
  private boolean released;

  /** The members at their own concurrent-call cap now: a group does not ring them. */
  private final java.util.Set<ExtensionNumber> atCap = new java.util.HashSet<>();

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  /** 201 has two phones, 202 one, 203 none. */
  private static final Map<ExtensionNumber, List<ForkTarget>> PHONES =
      Map.of(
          E201,
          List.of(ForkTarget.contact("sip:201@192.0.2.1"), ForkTarget.contact("sip:201@192.0.2.2")),
          E202,
          List.of(ForkTarget.contact("sip:202@192.0.2.3")),
          E203,
          List.of());

  private static RingGroupRoute group(boolean inOrder, ExtensionNumber... members) {
    return new RingGroupRoute("Sales", inOrder, RING, List.of(members), Optional.empty());
  }

  private void ring(RingGroupRoute group) {
    SignallingSettings settings = new SignallingSettings();
    settings.ringSeconds = 120;
    RoutedCall routed =
        new RoutedCall(
            call,
            ticket,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
            timers,
            settings,
            new TrunkChannels(),
            () -> released = true);
    routed.toSteps(RingStep.of(group, PHONES::get), fallback, atCap::contains);
  }

  @Test
  void allAtOnceRingsEveryMembersPhonesTogetherAndTheFirstAnswerCancelsTheOthers() {
    ring(group(false, E201, E202, E203));

    assertThat(call.uris())
        .containsExactly("sip:201@192.0.2.1", "sip:201@192.0.2.2", "sip:202@192.0.2.3");
    assertThat(timers.pending()).containsExactly(RING_MS);

    call.branches.get(2).listener.answered();

    assertThat(ticket.answeredBy).isEqualTo(E202);
    assertThat(ticket.answered).isTrue();
    assertThat(call.branches.get(0).cancelled).isTrue();
    assertThat(call.branches.get(1).cancelled).isTrue();
    assertThat(fallback.reasons).isEmpty();
  }

  @Test
  void inOrderRingsTheFirstMemberForItsRingTimeThenTheNext() {
    ring(group(true, E201, E202));

    assertThat(call.uris()).containsExactly("sip:201@192.0.2.1", "sip:201@192.0.2.2");

    timers.fire(RING_MS);

    assertThat(call.branches.get(0).cancelled).isTrue();
    assertThat(call.branches.get(1).cancelled).isTrue();
    assertThat(call.uris()).hasSize(3).last().isEqualTo("sip:202@192.0.2.3");
    // the first member's cancelled branches end with 487: of no interest any more
    call.branches.get(0).listener.failed(487);
    call.branches.get(1).listener.failed(487);
    assertThat(call.failedWith).isZero();

    call.branches.get(2).listener.answered();

    assertThat(ticket.answeredBy).isEqualTo(E202);
    assertThat(fallback.reasons).isEmpty();
    assertThat(timers.pending())
        .as("the second member's ring timer stopped: only the maximum duration runs")
        .containsExactly(Duration.ofHours(4).toMillis());
  }

  @Test
  void inOrderSkipsAMemberWithoutPhones() {
    ring(group(true, E203, E202));

    assertThat(call.uris()).containsExactly("sip:202@192.0.2.3");
  }

  @Test
  void inOrderMovesOnAtOnceWhenEveryPhoneOfAMemberFails() {
    ring(group(true, E201, E202));

    call.branches.get(0).listener.failed(503);
    call.branches.get(1).listener.failed(486);

    assertThat(call.uris()).hasSize(3).last().isEqualTo("sip:202@192.0.2.3");
    assertThat(timers.pending()).as("only the second member's ring timer").containsExactly(RING_MS);
  }

  @Test
  void whenNoMemberAnswersTheContinuityTakesTheCallForNoAnswer() {
    ring(group(true, E201, E202));

    timers.fire(RING_MS);
    timers.fire(RING_MS);

    assertThat(fallback.reasons).containsExactly(ContinuityReason.NO_ANSWER);
    assertThat(call.failedWith).as("no continuity: the caller gets 480").isEqualTo(480);
    assertThat(ticket.failedWith).isEqualTo(480);
    assertThat(released).isTrue();
  }

  @Test
  void whenEveryMembersPhonesFailTheReasonIsUnreachable() {
    ring(group(false, E201, E202));

    call.branches.forEach(b -> b.listener.failed(503));

    assertThat(fallback.reasons).containsExactly(ContinuityReason.UNREACHABLE);
    assertThat(fallback.unreachable).containsExactly(E201, E202);
  }

  @Test
  void whenNoMemberHasAPhoneTheReasonIsNotRegistered() {
    ring(group(true, E203));

    assertThat(call.uris()).isEmpty();
    assertThat(fallback.reasons).containsExactly(ContinuityReason.NOT_REGISTERED);
  }

  @Test
  void aGroupWithoutActiveMembersGoesToTheContinuityAsNotRegistered() {
    ring(group(false));

    assertThat(call.uris()).isEmpty();
    assertThat(fallback.reasons).containsExactly(ContinuityReason.NOT_REGISTERED);
  }

  @Test
  void aDeclineOfAMemberEndsTheSearch() {
    ring(group(true, E202, E201));

    call.branches.get(0).listener.failed(603);

    assertThat(call.uris()).as("the next member never rings").hasSize(1);
    assertThat(call.failedWith).isEqualTo(603);
    assertThat(fallback.reasons).isEmpty();
  }

  @Test
  void theLastMemberBusyIsPassedBackWithoutContinuity() {
    ring(group(true, E201, E202));
    timers.fire(RING_MS);

    call.branches.get(2).listener.failed(486);

    assertThat(fallback.reasons).isEmpty();
    assertThat(call.failedWith).isEqualTo(486);
  }

  @Test
  void allAtOnceDoesNotRingAMemberAtItsOwnCap() {
    atCap.add(E201);

    ring(group(false, E201, E202));

    assertThat(call.uris()).containsExactly("sip:202@192.0.2.3");
    call.branches.getFirst().listener.answered();
    assertThat(ticket.answeredBy).isEqualTo(E202);
  }

  @Test
  void inOrderPassesAMemberAtItsOwnCapAtOnce() {
    atCap.add(E201);

    ring(group(true, E201, E202));

    assertThat(call.uris()).containsExactly("sip:202@192.0.2.3");
    assertThat(timers.pending())
        .as("the second member rings its full time")
        .containsExactly(RING_MS);
  }

  @Test
  void inOrderAsksWhetherAMemberIsAtItsCapWhenItsTurnComes() {
    ring(group(true, E201, E202));
    assertThat(call.uris()).hasSize(2);

    atCap.add(E202); // 202 answered another call while 201 rang
    timers.fire(RING_MS);

    assertThat(call.uris()).as("202 never rings").hasSize(2);
    assertThat(fallback.reasons).containsExactly(ContinuityReason.NO_ANSWER);
  }

  @Test
  void whenEveryMemberIsAtItsCapTheContinuityTakesTheCallAsUnreachable() {
    atCap.add(E201);
    atCap.add(E202);

    ring(group(true, E201, E202));

    assertThat(call.uris()).isEmpty();
    assertThat(fallback.reasons).containsExactly(ContinuityReason.UNREACHABLE);
    assertThat(fallback.unreachable).as("no device offline alert: nobody was rung").isEmpty();
    assertThat(call.failedWith).as("no continuity: the caller hears busy").isEqualTo(486);
    assertThat(ticket.failedWith).isEqualTo(486);
    assertThat(released).isTrue();
  }

  @Test
  void aMemberAtItsCapAndTheOthersUnregisteredIsUnreachableNotUnregistered() {
    atCap.add(E202);

    ring(group(false, E203, E202));

    assertThat(fallback.reasons).containsExactly(ContinuityReason.UNREACHABLE);
  }

  // ---------------------------------------------------------------------------------------------

  private static final class FakeBranch implements Branch {
    final ForkTarget target;
    final BranchListener listener;
    boolean cancelled;

    FakeBranch(ForkTarget target, BranchListener listener) {
      this.target = target;
      this.listener = listener;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static final class FakeCall implements ProxiedCall {
    final List<FakeBranch> branches = new ArrayList<>();
    int failedWith;

    List<String> uris() {
      return branches.stream().map(b -> b.target.uri()).toList();
    }

    @Override
    public SipRequest request() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String dialled() {
      return "+16135550100";
    }

    @Override
    public void listen(CallListener listener) {
      // the caller never hangs up in these tests
    }

    @Override
    public Branch forward(ForkTarget target, BranchListener listener) {
      FakeBranch branch = new FakeBranch(target, listener);
      branches.add(branch);
      return branch;
    }

    @Override
    public void fail(int status, String reason, SipAnswer.Header... headers) {
      failedWith = status;
    }

    @Override
    public void hangUp() {
      // not answered long enough in these tests
    }
  }

  private static final class FakeTicket implements CallTicket {
    ExtensionNumber answeredBy;
    boolean answered;
    int failedWith;

    @Override
    public String callId() {
      return "ring-group-test";
    }

    @Override
    public Duration maxDuration() {
      return Duration.ofHours(4);
    }

    @Override
    public void trunkAttempt(String trunk, int status, Instant at) {
      // no trunk in these tests
    }

    @Override
    public void answered(Instant at, String trunk) {
      answered = true;
    }

    @Override
    public void ended(Instant at, HangupSide side) {
      // not ended in these tests
    }

    @Override
    public void failed(Instant at, int status) {
      failedWith = status;
    }

    @Override
    public void answeredBy(ExtensionNumber extension) {
      answeredBy = extension;
    }

    @Override
    public void continued(ContinuityReason reason, String destination) {
      // the fallback below routes nowhere
    }

    @Override
    public void refused(Instant at, Decision decision) {
      // not refused in these tests
    }
  }

  /** A continuity with no destination: records why it was asked, routes nowhere. */
  private static final class RecordingFallback implements Fallback {
    final List<ContinuityReason> reasons = new ArrayList<>();
    final List<ExtensionNumber> unreachable = new ArrayList<>();

    @Override
    public boolean take(ContinuityReason reason, RoutedCall call) {
      reasons.add(reason);
      return false;
    }

    @Override
    public void unreachable(ExtensionNumber extension) {
      unreachable.add(extension);
    }
  }
}
