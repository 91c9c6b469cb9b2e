package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LedgerTicketTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00.123456789Z");

  private final List<CallRecord> records = new CopyOnWriteArrayList<>();
  private final List<long[]> stamped = new CopyOnWriteArrayList<>();
  private final List<String> seats = new CopyOnWriteArrayList<>();

  @Test
  void anAnsweredCallLeavesOneRecordWithItsDurationFromAnswerToEndAndWhoHungUp() {
    LedgerTicket ticket = outbound();
    ticket.trunkAttempt("trunk-1", 503, T.plusMillis(800));
    ticket.trunkAttempt("trunk-2", 200, T.plusSeconds(5));
    ticket.answered(T.plusSeconds(5), "trunk-2");
    ticket.ended(T.plusSeconds(65).plusMillis(900), HangupSide.CALLEE);

    assertThat(records).hasSize(1);
    CallRecord r = records.getFirst();
    assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
    assertThat(r.billsec()).isEqualTo(60);
    assertThat(r.answer())
        .isEqualTo(T.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat(r.trunk()).isEqualTo("trunk-2");
    assertThat(r.trunkAttempts())
        .containsExactly(
            new TrunkAttempt("trunk-1", 503, Duration.ofMillis(800)),
            new TrunkAttempt("trunk-2", 200, Duration.ofSeconds(5)));
    assertThat(r.hangupSide()).isEqualTo("CALLEE");
    assertThat(r.sipStatus()).isEqualTo(200);
    assertThat(r.callee()).isEqualTo("+15145550100");
    assertThat(r.remoteDigits()).isEqualTo("15145550100");
  }

  @Test
  void aFailedCallLeavesOneRecordWhoseDispositionFollowsTheFinalStatus() {
    assertThat(failedWith(486).disposition()).isEqualTo(Disposition.BUSY);
    assertThat(failedWith(480).disposition()).isEqualTo(Disposition.NO_ANSWER);
    assertThat(failedWith(487).disposition()).isEqualTo(Disposition.NO_ANSWER);
    assertThat(failedWith(503).disposition()).isEqualTo(Disposition.FAILED);
    assertThat(failedWith(404).disposition()).isEqualTo(Disposition.FAILED);
    CallRecord busy = failedWith(486);
    assertThat(busy.sipStatus()).isEqualTo(486);
    assertThat(busy.billsec()).isZero();
    assertThat(busy.answer()).isNull();
    assertThat(busy.trunk()).isNull();
    assertThat(busy.hangupSide()).isNull();
  }

  @Test
  void aTrunkThatGaveNoAnswerIsRecordedAs408() {
    LedgerTicket ticket = outbound();
    ticket.trunkAttempt("trunk-1", 0, T.plusSeconds(5));
    ticket.failed(T.plusSeconds(32), 503);

    assertThat(records.getFirst().trunkAttempts())
        .containsExactly(new TrunkAttempt("trunk-1", 408, Duration.ofSeconds(5)));
  }

  @Test
  void everythingAfterTheClosingIsIgnored() {
    LedgerTicket ticket = outbound();
    ticket.answered(T.plusSeconds(1), "trunk-1");
    ticket.ended(T.plusSeconds(11), HangupSide.CALLER);
    ticket.ended(T.plusSeconds(20), HangupSide.CALLEE);
    ticket.failed(T.plusSeconds(30), 500);
    ticket.trunkAttempt("late", 200, T.plusSeconds(9));
    ticket.answered(T.plusSeconds(40), "late");

    assertThat(records).hasSize(1);
    assertThat(records.getFirst().billsec()).isEqualTo(10);
    assertThat(records.getFirst().hangupSide()).isEqualTo("CALLER");
    assertThat(ticket.isClosed()).isTrue();
  }

  @Test
  void aFailureAfterTheAnswerEndsTheAnsweredCallAsTheSystems() {
    LedgerTicket ticket = outbound();
    ticket.answered(T.plusSeconds(1), "trunk-1");
    ticket.failed(T.plusSeconds(3), 500);

    assertThat(records.getFirst().disposition()).isEqualTo(Disposition.ANSWERED);
    assertThat(records.getFirst().hangupSide()).isEqualTo("SYSTEM");
  }

  @Test
  void anEndWithoutAnswerIsAFailedAttempt() {
    LedgerTicket ticket = outbound();
    ticket.ended(T.plusSeconds(3), HangupSide.CALLER);

    assertThat(records.getFirst().disposition()).isEqualTo(Disposition.FAILED);
    assertThat(records.getFirst().answer()).isNull();
  }

  @Test
  void timesBeforeTheStartAreReadAsTheStart() {
    LedgerTicket ticket = outbound();
    ticket.failed(T.minusSeconds(3), 480);

    assertThat(records.getFirst().end()).isEqualTo(records.getFirst().start());
  }

  @Test
  void closingsRacingOnManyThreadsLeaveExactlyOneRecord() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 200; round++) {
        records.clear();
        LedgerTicket ticket = outbound();
        ticket.answered(T.plusSeconds(1), "trunk-1");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          int n = i;
          done.add(
              threads.submit(
                  () -> {
                    go.await();
                    if (n % 2 == 0) {
                      ticket.ended(T.plusSeconds(10 + n), HangupSide.values()[n % 4]);
                    } else {
                      ticket.failed(T.plusSeconds(10 + n), 500);
                    }
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
        assertThat(records).as("round " + round).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theDispositionOfAFinalStatus() {
    assertThat(LedgerTicket.dispositionOf(600)).isEqualTo(Disposition.BUSY);
    assertThat(LedgerTicket.dispositionOf(603)).isEqualTo(Disposition.BUSY);
    assertThat(LedgerTicket.dispositionOf(408)).isEqualTo(Disposition.NO_ANSWER);
    assertThat(LedgerTicket.dispositionOf(0)).isEqualTo(Disposition.FAILED);
  }

  private CallRecord failedWith(int status) {
    records.clear();
    LedgerTicket ticket = outbound();
    ticket.failed(T.plusSeconds(20), status);
    assertThat(records).hasSize(1);
    return records.getFirst();
  }

  @Test
  void aRingGroupsAnsweredCallIsTheAnsweringMembersAndNamesTheGroup() {
    LedgerTicket ticket = inbound();
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales");
    ticket.answeredBy(new ExtensionNumber("202"));
    ticket.answered(T.plusSeconds(3), null);
    ticket.ended(T.plusSeconds(20), HangupSide.CALLER);

    CallRecord r = records.getFirst();
    assertThat(r.extension()).isEqualTo(new ExtensionNumber("202"));
    assertThat(r.way().ringGroup()).isEqualTo("Sales");
    assertThat(r.way().originalTarget()).isNull();
    assertThat(r.way().answeredBy()).isEqualTo(new ExtensionNumber("202"));
  }

  @Test
  void aRingGroupsUnansweredCallIsNoExtensions() {
    LedgerTicket ticket = inbound();
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales");
    ticket.failed(T.plusSeconds(30), 480);

    CallRecord r = records.getFirst();
    assertThat(r.extension()).isNull();
    assertThat(r.way().ringGroup()).isEqualTo("Sales");
  }

  private LedgerTicket inbound() {
    CallFacts facts =
        new CallFacts(
            AccountId.of(7),
            null,
            Direction.INBOUND,
            "+15145550199",
            "+16135550100",
            DestinationClass.UNKNOWN,
            null,
            "call-" + System.nanoTime() + "@test",
            T);
    return new LedgerTicket(
        facts,
        Duration.ofHours(4),
        new long[] {7, 3, 1},
        new long[0],
        (ticket, call, extensions, at) -> {
          records.add(call);
          stamped.add(extensions);
        });
  }

  /** Counts a group call for its member: 202 is extension 52; any other is unknown (0). */
  private long seat(LedgerTicket ticket, ExtensionNumber member, Instant at) {
    seats.add(member.digits() + "@" + Duration.between(T, at).toSeconds());
    return member.digits().equals("202") ? 52 : 0;
  }

  @Test
  void theMemberThatAnswersAGroupCallIsCountedOnceAtTheAnswerAndItsLastCallStamped() {
    LedgerTicket ticket = inbound();
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales", this::seat);
    assertThat(ticket.seatedMember()).isNull();

    ticket.answeredBy(new ExtensionNumber("202"));
    ticket.answered(T.plusSeconds(3), null);
    ticket.answered(T.plusSeconds(4), null);

    assertThat(seats).containsExactly("202@3");
    assertThat(ticket.seatedMember()).isEqualTo(new ExtensionNumber("202"));

    ticket.ended(T.plusSeconds(20), HangupSide.CALLER);
    assertThat(stamped).hasSize(1);
    assertThat(stamped.getFirst()).containsExactly(52);
  }

  @Test
  void anUnansweredGroupCallCountsForNoMember() {
    LedgerTicket ticket = inbound();
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales", this::seat);

    ticket.failed(T.plusSeconds(30), 480);

    assertThat(seats).isEmpty();
    assertThat(ticket.seatedMember()).isNull();
    assertThat(stamped.getFirst()).isEmpty();
  }

  @Test
  void aMemberTheSeatsDoNotKnowIsNotCountedNorStamped() {
    LedgerTicket ticket = inbound();
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales", this::seat);

    ticket.answeredBy(new ExtensionNumber("203"));
    ticket.answered(T.plusSeconds(3), null);
    ticket.ended(T.plusSeconds(9), HangupSide.CALLEE);

    assertThat(ticket.seatedMember()).isNull();
    assertThat(stamped.getFirst()).isEmpty();
  }

  @Test
  void theLiveCallsOfAnExtensionShowTheGroupCallItAnsweredAndNoOtherExtensionsCrash() {
    LiveTickets live = new LiveTickets();
    LedgerTicket group = inbound();
    group.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales", this::seat);
    live.add(group);
    live.add(outbound());

    assertThat(live.of(AccountId.of(7), new ExtensionNumber("202"))).isEmpty();
    group.answeredBy(new ExtensionNumber("202"));
    group.answered(T.plusSeconds(3), null);

    assertThat(live.of(AccountId.of(7), new ExtensionNumber("202")))
        .singleElement()
        .satisfies(c -> assertThat(c.answered()).isTrue());
    assertThat(live.of(AccountId.of(7), new ExtensionNumber("201"))).hasSize(1);
  }

  private LedgerTicket outbound() {
    CallFacts facts =
        new CallFacts(
            AccountId.of(7),
            new ExtensionNumber("201"),
            Direction.OUTBOUND,
            "+16135550123",
            "+15145550100",
            DestinationClass.NATIONAL,
            "CA",
            "call-" + System.nanoTime() + "@test",
            T);
    return new LedgerTicket(
        facts,
        Duration.ofHours(4),
        new long[] {7, 3, 1},
        new long[] {42},
        (ticket, call, extensions, at) -> records.add(call));
  }
}
