package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.entity.Account;
import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrPartitions;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.PartitionPlan;
import io.dialtone.cdr.control.RateDeck;
import io.dialtone.cdr.control.RateDeckAdmin;
import io.dialtone.cdr.control.RateDeckUpload;
import io.dialtone.cdr.control.RateLineError;
import io.dialtone.cdr.control.Recorded;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDR store in Payara Micro on MariaDB: record() writes the row and adds to the daily totals in
 * one go, once per Call-ID and start; blocked attempts keep their reason and rule; partitions exist
 * ahead; the rate deck upload replaces the deck or changes nothing; and reads stay within the
 * caller's subtree (SECURITY.md F2, F3).
 */
@ExtendWith(ArquillianExtension.class)
public class CdrStoreIT {

  private static final ZoneId TORONTO = ZoneId.of("America/Toronto"); // the default time zone

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("cdr");
  }

  @Inject CallRecorder recorder;
  @Inject CallRecords records;
  @Inject UsageTotals totals;
  @Inject CdrPartitions partitions;
  @Inject RateDeckAdmin deckAdmin;
  @Inject RateDeck deck;
  @Inject SeededAccounts seeded;
  @Inject CdrRows rows;

  @Test
  void recordWritesTheRowAndTwoCallsOfADayAddUpInTheTotals() {
    Tenants t = seeded.tenants();
    uploadDeck("+4420,London,0.60000,CAD,6/6,2020-01-01,");
    Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String first = callId();
    String second = callId();

    Recorded a = recorder.record(outbound(t.a1(), "201", "+442079460000", start, 61, first));
    Recorded b =
        recorder.record(outbound(t.a1(), "201", "+442079460001", start.plusSeconds(90), 7, second));

    assertThat(a.stored()).isTrue();
    assertThat(a.cost().amount()).isEqualByComparingTo("0.66"); // 61 s in 6 s blocks at 0.60/min
    assertThat(b.cost().amount()).isEqualByComparingTo("0.12");
    Object[] row = rows.call(first);
    assertThat(((Number) row[0]).longValue()).isEqualTo(t.a1());
    assertThat(row[1]).isEqualTo("201");
    assertThat(((Number) row[2]).intValue()).isEqualTo(Direction.OUTBOUND.code());
    assertThat(row[3]).isEqualTo("+442079460000");
    assertThat(row[4]).isEqualTo("442079460000");
    assertThat(row[6]).isEqualTo("GB");
    assertThat(((Number) row[7]).intValue()).isEqualTo(61);
    assertThat(row[11]).isEqualTo("carrier-b");
    assertThat(TrunkAttempt.decode((String) row[12]))
        .containsExactly(new TrunkAttempt("sbc-mtl-1", 503), new TrunkAttempt("carrier-b", 200));
    assertThat((BigDecimal) row[13]).isEqualByComparingTo("0.66");
    assertThat(row[14]).isEqualTo("CAD");

    LocalDate day = LocalDate.ofInstant(start, TORONTO);
    Object[] sums = rows.accountDay(t.a1(), day);
    assertThat(longs(sums)).containsExactly(2L, 2L, 0L, 68L, 3L); // minutes: 2 + 1
    assertThat((BigDecimal) sums[5]).isEqualByComparingTo("0.78");
    assertThat(longs(rows.extensionDay(t.a1(), "201", day))).containsExactly(2L, 2L, 0L, 68L, 3L);
    List<DailyUsage> days = totals.daily(t.a1(), null, day.minusDays(1), day.plusDays(1));
    assertThat(days).extracting(DailyUsage::day).containsExactly(day.minusDays(1), day);
    assertThat(days.get(1).usage().calls()).isEqualTo(2);
    assertThat(totals.total(t.a1(), "201", day, day.plusDays(1)).cost())
        .isEqualByComparingTo("0.78");
  }

  @Test
  void theSameCallIdAndStartAreStoredAndCountedOnce() {
    Tenants t = seeded.tenants();
    Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
    String id = callId();
    CallRecord call = outbound(t.a1(), "202", "+15145550199", start, 30, id);

    assertThat(recorder.record(call).stored()).isTrue();
    Recorded again = recorder.record(call);

    assertThat(again.stored()).isFalse();
    assertThat(rows.count(id)).isEqualTo(1);
    assertThat(
            ((Number) rows.accountDay(t.a1(), LocalDate.ofInstant(start, TORONTO))[0]).longValue())
        .isEqualTo(1);
  }

  @Test
  void callsSubmittedTogetherAreStoredInBatchesOnceEachAndABadOneFailsAlone() {
    Tenants t = seeded.tenants();
    Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<CallRecord> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      calls.add(
          outbound(
              t.a2(), "20" + (i % 3), "+1514555" + (1000 + i), start.plusSeconds(i), 61, callId()));
    }
    List<CallRecord> sent = new java.util.ArrayList<>(calls);
    sent.addAll(calls.subList(0, 100)); // sent twice: stored once
    sent.add(600, outbound(Long.MAX_VALUE, "201", "+15145550000", start, 1, callId()));

    // Submitted from this thread, as fast as it can (a submit only queues): batches form behind it
    // on the records' thread. Not from a parallel stream: the common pool's threads carry no
    // container context, and a bean first created on one of them is left without its resources.
    List<java.util.concurrent.CompletableFuture<Recorded>> futures =
        sent.stream().map(recorder::submit).toList();

    long stored = 0;
    long failed = 0;
    for (var f : futures) {
      try {
        stored += f.join().stored() ? 1 : 0;
      } catch (java.util.concurrent.CompletionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        failed++;
      }
    }
    assertThat(stored).isEqualTo(1200);
    assertThat(failed).isEqualTo(1);
    assertThat(rows.count(calls.get(0).callId())).isEqualTo(1);
    LocalDate day = LocalDate.ofInstant(start, TORONTO);
    long calls0 = 0;
    for (LocalDate d = day;
        !d.isAfter(LocalDate.ofInstant(start.plusSeconds(1200), TORONTO));
        d = d.plusDays(1)) {
      Object[] sums = rows.accountDay(t.a2(), d);
      calls0 += sums == null ? 0 : ((Number) sums[0]).longValue();
    }
    assertThat(calls0).isEqualTo(1200);
    assertThat(recorder.queued()).isZero();
  }

  @Test
  void aBlockedAttemptIsStoredWithItsReasonAndRuleAndCountsAsBlocked() {
    Tenants t = seeded.tenants();
    Instant at = Instant.now().minus(3, ChronoUnit.MINUTES);
    String id = callId();
    Decision decision =
        new Decision(
            DecidingRule.PLATFORM_BLOCKED_RANGE,
            42L,
            new Classification(
                DestinationClass.INTERNATIONAL, "88213", new E164Number("+88213"), "001", true));

    Recorded r =
        recorder.record(
            CallRecord.blocked(
                AccountId.of(t.a2()),
                new ExtensionNumber("203"),
                "203",
                "01188213",
                decision,
                at,
                id));

    assertThat(r.stored()).isTrue();
    assertThat(r.cost().amount()).isEqualByComparingTo("0");
    Object[] row = rows.call(id);
    assertThat(((Number) row[8]).intValue()).isEqualTo(Disposition.BLOCKED.code());
    assertThat(row[9]).isEqualTo("PLATFORM_BLOCKED_RANGE");
    assertThat(((Number) row[10]).longValue()).isEqualTo(42L);
    assertThat(longs(rows.accountDay(t.a2(), LocalDate.ofInstant(at, TORONTO))))
        .containsExactly(1L, 0L, 1L, 0L, 0L);
  }

  @Test
  void partitionsExistForThisMonthAndTheNextAndTheJobAddsTheFollowingOne() {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    assertThat(partitions.partitions())
        .contains(PartitionPlan.nameOf(now), PartitionPlan.nameOf(now.plusMonths(1)), "pmax");

    YearMonth later = now.plusMonths(CdrPartitions.MONTHS_AHEAD + 1);
    Instant nextMonth = now.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    partitions.ensureAhead(nextMonth);

    assertThat(partitions.partitions())
        .contains(PartitionPlan.nameOf(later))
        .last()
        .isEqualTo("pmax");
    assertThat(partitions.ensureAhead(nextMonth)).isEmpty();
  }

  @Test
  void aRateDeckUploadWithABadLineChangesNothingAndAGoodOneReplacesTheDeck() {
    String admin = seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    deckAdmin.upload(new StringReader(csv("+33,France,0.02500,CAD,60/60,2020-01-01,")), "old.csv");
    long before = rows.rates();

    RateDeckUpload refused =
        deckAdmin.upload(
            new StringReader(
                csv("+49,Germany,0.02,CAD,6/6,2020-01-01,", "+39,Italy,abc,CAD,6/6,2020-01-01,")),
            "bad.csv");

    assertThat(refused.accepted()).isFalse();
    assertThat(refused.errors()).containsExactly(new RateLineError(3, "rates.error.price", "abc"));
    assertThat(rows.rates()).isEqualTo(before);
    assertThat(deck.rateFor("4930123456", "CAD", Instant.now())).isEmpty();
    assertThat(deck.rateFor("33142685300", "CAD", Instant.now())).isPresent();

    RateDeckUpload accepted =
        deckAdmin.upload(
            new StringReader(
                csv("+49,Germany,0.02,CAD,6/6,2020-01-01,", "+39,Italy,0.03,CAD,6/6,2020-01-01,")),
            "good.csv");

    assertThat(accepted.imported()).isEqualTo(2);
    assertThat(rows.rates()).isEqualTo(2);
    assertThat(deck.rateFor("4930123456", "CAD", Instant.now())).isPresent();
    assertThat(deck.isRated(new E164Number("+33142685300"), DestinationClass.INTERNATIONAL))
        .isFalse();
    assertThat(rows.audits("RATE_DECK_UPLOADED", admin, "FAILURE")).isEqualTo(1);
    assertThat(rows.audits("RATE_DECK_UPLOADED", admin, "SUCCESS")).isEqualTo(2);

    seeded.signInAs(Role.CUSTOMER_ADMIN, seeded.tenants().a1());
    assertThatThrownBy(() -> deckAdmin.rates()).isInstanceOf(AccessDenied.class);
  }

  @Test
  void callRecordsAreReadOnlyWithinTheCallersSubtree() {
    Tenants t = seeded.tenants();
    Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
    String a1Call = callId();
    String b1Call = callId();
    recorder.record(outbound(t.a1(), "201", "+15145550101", start, 10, a1Call));
    recorder.record(outbound(t.b1(), "201", "+15145550102", start, 20, b1Call));
    CdrFilter a1 = CdrFilter.lastDays(t.a1(), Instant.now());
    CdrFilter b1 = CdrFilter.lastDays(t.b1(), Instant.now());
    LocalDate today = LocalDate.now(TORONTO);

    long b1Id = idOf(t.b1());
    seeded.signInAs(Role.RESELLER_ADMIN, t.a());
    List<CdrRow> page = records.page(a1, null, 50);
    assertThat(page).extracting(CdrRow::accountId).containsOnly(t.a1());
    assertThat(page).extracting(CdrRow::callee).containsExactly("+15145550101");
    assertThatThrownBy(() -> records.page(b1, null, 50)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> records.find(b1Id)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> records.daily(t.b1(), null, today.minusDays(30), today))
        .isInstanceOf(AccessDenied.class);

    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    assertThat(records.find(page.get(0).id()))
        .get()
        .extracting(CdrRow::callee)
        .isEqualTo("+15145550101");
    assertThat(records.daily(t.a1(), null, today.minusDays(30), today.plusDays(1)))
        .extracting(d -> d.usage().calls())
        .contains(1L);
    assertThatThrownBy(() -> records.page(CdrFilter.lastDays(t.a2(), Instant.now()), null, 50))
        .isInstanceOf(AccessDenied.class);

    seeded.signInAs(Role.CUSTOMER_USER, t.a1()); // no extension assigned: sees no call
    assertThat(records.page(a1, null, 50)).isEmpty();

    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(records.page(b1, null, 50))
        .extracting(CdrRow::callee)
        .containsExactly("+15145550102");
  }

  private long idOf(long accountId) {
    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    return records.page(CdrFilter.lastDays(accountId, Instant.now()), null, 1).get(0).id();
  }

  private void uploadDeck(String... lines) {
    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(deckAdmin.upload(new StringReader(csv(lines)), "test.csv").accepted()).isTrue();
  }

  private static String csv(String... lines) {
    return "prefix,description,price_per_minute,currency,increment,effective_from,effective_to\n"
        + String.join("\n", lines);
  }

  private static CallRecord outbound(
      long account, String extension, String callee, Instant start, int billsec, String callId) {
    Instant answer = start.plusSeconds(4);
    return new CallRecord(
        AccountId.of(account),
        ExtensionNumber.parse(extension).orElse(null),
        Direction.OUTBOUND,
        "+15145550100",
        callee,
        CallRecord.digitsOf(callee),
        callee.startsWith("+44") ? DestinationClass.INTERNATIONAL : DestinationClass.LOCAL,
        callee.startsWith("+44") ? "GB" : "CA",
        start,
        answer,
        answer.plusSeconds(billsec),
        billsec,
        Disposition.ANSWERED,
        null,
        null,
        "carrier-b",
        List.of(new TrunkAttempt("sbc-mtl-1", 503), new TrunkAttempt("carrier-b", 200)),
        callId);
  }

  private static String callId() {
    return UUID.randomUUID() + "@10.20.0.5";
  }

  private static List<Long> longs(Object[] sums) {
    return List.of(sums).subList(0, 5).stream().map(v -> ((Number) v).longValue()).toList();
  }
}
