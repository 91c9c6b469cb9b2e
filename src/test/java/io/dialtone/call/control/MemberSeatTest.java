package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.account.control.AccountTree;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.Direction;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.usage.control.ActiveCalls;
import io.dialtone.usage.control.CapGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The count of a ring group's call for the member that answers it ({@link CallAdmission#seat}):
 * exact however many answers come at once, each answer counted, at most the cap within it, and the
 * count released when the call's ticket closes.
 */
class MemberSeatTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
  private static final AccountId ACCOUNT = AccountId.of(7);
  private static final ExtensionNumber MEMBER = new ExtensionNumber("202");

  /** Extension 202 may have one call at a time; nothing else is capped. */
  private static final int CAP = 1;

  private final ActiveCalls active = new ActiveCalls();
  private final CallAdmission admission = new CallAdmission();

  MemberSeatTest() {
    admission.caps =
        new CapGate() {
          @Override
          public boolean extensionAtCap(AccountId account, ExtensionNumber extension, Instant at) {
            return extension.equals(MEMBER) && active.of(account, extension) >= CAP;
          }
        };
    admission.tree =
        new AccountTree() {
          @Override
          public long[] pathToRoot(long accountId) {
            return new long[] {accountId, 3, 1};
          }
        };
    admission.ledger = new CallLedger();
    admission.ledger.active = active;
  }

  private LedgerTicket groupCall(int i) {
    LedgerTicket ticket =
        new LedgerTicket(
            new CallFacts(
                ACCOUNT,
                null,
                Direction.INBOUND,
                "+15145550199",
                "+16135550100",
                DestinationClass.UNKNOWN,
                null,
                "group-" + i + "@test",
                T),
            Duration.ofHours(4),
            new long[] {7, 3, 1},
            new long[0],
            (t, call, extensions, at) -> {});
    ticket.meantForGroup(E164Number.parse("+16135550100").orElseThrow(), "Sales");
    return ticket;
  }

  @Test
  void answersAtOnceOnOneMemberAreEachCountedAndOnlyTheCapsWorthAreWithinIt() throws Exception {
    int answers = 8;
    ExecutorService threads = Executors.newFixedThreadPool(answers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> within = new ArrayList<>();
      for (int i = 0; i < answers; i++) {
        LedgerTicket ticket = groupCall(i);
        within.add(
            threads.submit(
                () -> {
                  go.await();
                  return admission.seat(ticket, MEMBER, T);
                }));
      }
      go.countDown();
      int withinCap = 0;
      for (Future<Boolean> answer : within) {
        withinCap += answer.get() ? 1 : 0;
      }

      assertThat(withinCap).as("one answer fits the cap of 1").isEqualTo(CAP);
      assertThat(active.of(ACCOUNT, MEMBER)).as("every answered call counts").isEqualTo(answers);
      assertThat(active.of(ACCOUNT)).as("the account counted them as they started").isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theMembersCountIsReleasedWhenTheAnsweredCallEnds() {
    LedgerTicket ticket = groupCall(0);
    admission.ledger.live = new LiveTickets();
    ticket.meantForGroup(
        E164Number.parse("+16135550100").orElseThrow(),
        "Sales",
        (t, member, at) -> {
          admission.seat(t, member, at);
          return 52;
        });
    ticket.answeredBy(MEMBER);
    ticket.answered(T.plusSeconds(2), null);
    assertThat(active.of(ACCOUNT, MEMBER)).isEqualTo(1);
    assertThat(admission.atOwnCap(ACCOUNT, MEMBER, T)).isTrue();

    admission.ledger.release(ticket);

    assertThat(active.of(ACCOUNT, MEMBER)).isZero();
    assertThat(admission.atOwnCap(ACCOUNT, MEMBER, T)).isFalse();
  }
}
