package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrFilterText;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.cdr.control.CdrSummaryBackfill;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.FilterTotals;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Role;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backfill of the call summaries in Payara Micro on MariaDB, on a store as an upgrade finds it:
 * calls whose days are missing from the facet tables and the start markers set. The totals of many
 * filters and ranges across the old/new boundary equal the counted call rows before, during (some
 * days backfilled) and after the backfill; a run stopped after a few days resumes without counting
 * a call twice; calls written meanwhile (late writes on the boundary's day and before it, a call
 * recorded while its day is being filled) are counted once.
 */
@ExtendWith(ArquillianExtension.class)
public class CdrSummaryBackfillIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("cdr");
  }

  @Inject CallRecords records;
  @Inject CdrSummaryBackfill backfill;
  @Inject SeededAccounts seeded;
  @Inject CdrPageRows pageRows;
  @Inject CdrBackfillRows store;
  @Inject Parallel parallel;

  /** Back to a store whose summary rows hold every call (as the other tests expect). */
  @AfterEach
  void completeStore() {
    store.upgradedAt(null);
  }

  @Test
  void totalsEqualTheCallRowsBeforeDuringAndAfterTheBackfillAndAStoppedRunResumesCountingOnce()
      throws Exception {
    Tenants t = seeded.tenants();
    store.zone(t.a2(), "Asia/Tokyo");
    long audits = store.lastAuditId();
    Instant upgrade = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    List<CallRecord> older = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      // nine days before the upgrade, both sides of midnight in either zone
      older.add(call(t.a1(), i, upgrade.minus(i * 107L + 5, ChronoUnit.MINUTES)));
      older.add(call(t.a2(), i, upgrade.minus(i * 97L + 5, ChronoUnit.MINUTES)));
    }
    pageRows.recordAll(older);
    ZoneId toronto = ZoneId.of("America/Toronto");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    LocalDate upgradeDay = LocalDate.ofInstant(upgrade, toronto);
    store.forgetFacets(t.a1(), upgradeDay);
    store.forgetFacets(t.a2(), LocalDate.ofInstant(upgrade, tokyo));
    store.upgradedAt(LocalDateTime.ofInstant(upgrade, ZoneOffset.UTC));
    // written after the upgrade: calls of its day and the day before (late, or ended after
    // midnight), and calls started after it
    pageRows.recordAll(
        List.of(
            call(t.a1(), 200, upgrade.minus(3, ChronoUnit.MINUTES)),
            call(t.a1(), 201, upgradeDay.atStartOfDay(toronto).toInstant().minusSeconds(30)),
            call(t.a1(), 202, upgrade.minus(26, ChronoUnit.HOURS)),
            call(t.a1(), 203, upgrade.plus(10, ChronoUnit.MINUTES)),
            call(t.a2(), 204, upgrade.minus(1, ChronoUnit.HOURS)),
            call(t.a2(), 205, upgrade.plus(20, ChronoUnit.MINUTES))));
    LocalDate oldest = upgradeDay.minusDays(10);
    LocalDate tomorrow = LocalDate.now(toronto).plusDays(1);
    assertThat(backfill.progress().state()).isEqualTo(CdrSummaryBackfill.BackfillState.WAITING);
    assertTotalsAreTheCallRows(t.a1(), oldest, tomorrow, upgradeDay);

    // three days of the first account, then the run stops
    for (int i = 0; i < 500 && !upgradeDay.minusDays(2).equals(store.completeFrom(t.a1())); i++) {
      backfill.run(1, Duration.ofMinutes(1));
    }
    assertThat(store.completeFrom(t.a1())).isEqualTo(upgradeDay.minusDays(2));
    CdrSummaryBackfill.Progress halfway = backfill.progress();
    assertThat(halfway.state()).isEqualTo(CdrSummaryBackfill.BackfillState.RUNNING);
    assertThat(halfway.daysLeft()).isPositive();
    assertTotalsAreTheCallRows(t.a1(), oldest, tomorrow, upgradeDay);

    // written while it is stopped: on a filled day, on the next one, on a day not reached
    pageRows.recordAll(
        List.of(
            call(t.a1(), 210, upgrade.minus(25, ChronoUnit.HOURS)),
            call(
                t.a1(),
                211,
                upgradeDay.minusDays(2).atTime(LocalTime.NOON).atZone(toronto).toInstant()),
            call(
                t.a1(),
                212,
                upgradeDay.minusDays(3).atTime(23, 59, 59).atZone(toronto).toInstant()),
            call(
                t.a1(), 213, upgradeDay.minusDays(6).atTime(0, 0, 1).atZone(toronto).toInstant())));

    // a new run (after a restart, say) resumes at the next day and finishes
    CdrSummaryBackfill.Progress done = backfill.run(Integer.MAX_VALUE, Duration.ofMinutes(2));
    assertThat(done.state()).isEqualTo(CdrSummaryBackfill.BackfillState.DONE);
    assertThat(done.accountsDone()).isEqualTo(done.accounts()).isGreaterThanOrEqualTo(2);
    assertThat(done.finished()).isNotNull();
    assertThat(store.markersSet()).isFalse();
    assertThat(store.audited("CDR_SUMMARY_BACKFILL_STARTED", audits)).isEqualTo(1);
    assertThat(store.audited("CDR_SUMMARY_BACKFILL_FINISHED", audits)).isEqualTo(1);
    for (long account : List.of(t.a1(), t.a2())) {
      long calls = store.calls(account);
      assertThat(store.facetCalls(account)).as("account " + account).containsOnly(calls);
    }
    assertTotalsAreTheCallRows(t.a1(), oldest, tomorrow, upgradeDay);
    assertTotalsAreTheCallRows(
        t.a2(), oldest, LocalDate.now(tokyo).plusDays(1), LocalDate.ofInstant(upgrade, tokyo));

    // another run changes nothing
    backfill.run(Integer.MAX_VALUE, Duration.ofMinutes(1));
    assertThat(store.facetCalls(t.a1())).containsOnly(store.calls(t.a1()));
  }

  @Test
  void callsRecordedWhileTheirDayIsBeingFilledAreCountedOnce() throws Exception {
    Tenants t = seeded.tenants();
    Instant upgrade = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    ZoneId toronto = ZoneId.of("America/Toronto");
    LocalDate upgradeDay = LocalDate.ofInstant(upgrade, toronto);
    List<CallRecord> older = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      older.add(call(t.a1(), i, upgrade.minus(i * 11L + 1, ChronoUnit.MINUTES)));
    }
    pageRows.recordAll(older);
    store.forgetFacets(t.a1(), upgradeDay);
    store.upgradedAt(LocalDateTime.ofInstant(upgrade, ZoneOffset.UTC));
    LocalDate oldest = LocalDate.ofInstant(older.getLast().start(), toronto);

    AtomicInteger roles = new AtomicInteger();
    AtomicBoolean filling = new AtomicBoolean(true);
    AtomicInteger recorded = new AtomicInteger();
    List<Integer> written =
        parallel.run(
            2,
            () -> {
              if (roles.getAndIncrement() == 0) {
                // starts once calls are being recorded, so both overlap
                for (int i = 0; i < 600 && recorded.get() < 20; i++) {
                  Thread.sleep(50);
                }
                for (int i = 0;
                    i < 10_000
                        && backfill.progress().state() != CdrSummaryBackfill.BackfillState.DONE;
                    i++) {
                  backfill.run(1, Duration.ofMinutes(1));
                }
                filling.set(false);
                return 0;
              }
              int n = 0;
              while (filling.get() && n < 2000) {
                // the days being filled: calls near each end of each of them, a few at a time
                List<CallRecord> batch = new ArrayList<>();
                for (int k = 0; k < 8; k++, n++) {
                  LocalDate day = upgradeDay.minusDays(n % 4);
                  Instant start =
                      n % 2 == 0
                          ? day.atStartOfDay(toronto).toInstant().plusSeconds(n)
                          : day.plusDays(1).atStartOfDay(toronto).toInstant().minusSeconds(n + 1);
                  if (start.isAfter(Instant.now())) {
                    start = upgrade.minusSeconds(n);
                  }
                  batch.add(call(t.a1(), 1000 + n, start));
                }
                pageRows.recordAll(batch);
                recorded.addAndGet(batch.size());
              }
              return n;
            });
    assertThat(written.get(0) + written.get(1)).as("calls recorded meanwhile").isPositive();
    assertThat(backfill.progress().state()).isEqualTo(CdrSummaryBackfill.BackfillState.DONE);
    long calls = store.calls(t.a1());
    assertThat(calls).isEqualTo(400 + written.get(0) + written.get(1));
    assertThat(store.facetCalls(t.a1())).containsOnly(calls);
    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    FilterTotals totals = records.totals(range(t.a1(), toronto, oldest, upgradeDay.plusDays(1)));
    assertThat(totals.total().calls()).isEqualTo(calls);
  }

  /**
   * Compares the totals with the call rows for filters answered from every kind of summary row,
   * over the whole range, the days around {@code boundary} and that day alone.
   */
  private void assertTotalsAreTheCallRows(
      long account, LocalDate first, LocalDate last, LocalDate boundary) {
    seeded.signInAs(Role.CUSTOMER_ADMIN, account);
    ZoneId zone = records.zoneOf(account);
    int compared = 0;
    for (LocalDate[] days :
        List.of(
            new LocalDate[] {first, last},
            new LocalDate[] {boundary.minusDays(3), boundary.plusDays(1)},
            new LocalDate[] {boundary, boundary})) {
      CdrFilter range = range(account, zone, days[0], days[1]);
      for (CdrFilter f :
          List.of(
              range,
              range.withDirection(Direction.OUTBOUND),
              range.withDisposition(Disposition.ANSWERED),
              range.withDestination(DestinationClass.INTERNATIONAL).withCountry("GB"),
              range.withExtension("401"),
              range.withExtension("402").withMinBillsec(30),
              range.withNumberPrefix("44"),
              range.withNumberPrefix("1514").withDirection(Direction.INBOUND),
              range.withMinBillsec(60),
              range.withMinBillsec(61).withDisposition(Disposition.ANSWERED),
              range.withNumberPrefix("4420794601"))) {
        List<CdrRow> rows = records.page(f, null, CallRecords.MAX_PAGE);
        assertThat(rows).hasSizeLessThan(CallRecords.MAX_PAGE);
        FilterTotals totals = records.totals(f);
        String what = CdrFilterText.describe(f);
        assertThat(totals.total().calls()).as(what).isEqualTo(rows.size());
        assertThat(totals.total().answered())
            .as(what)
            .isEqualTo(rows.stream().filter(r -> r.disposition() == Disposition.ANSWERED).count());
        assertThat(totals.total().billsec())
            .as(what)
            .isEqualTo(rows.stream().mapToLong(CdrRow::billsec).sum());
        assertThat(totals.total().cost())
            .as(what)
            .isEqualByComparingTo(
                rows.stream()
                    .map(r -> r.cost() == null ? BigDecimal.ZERO : r.cost())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        for (DailyUsage day : totals.days()) {
          assertThat(day.usage().calls())
              .as(what + " on " + day.day())
              .isEqualTo(
                  rows.stream()
                      .filter(r -> LocalDate.ofInstant(r.start(), zone).equals(day.day()))
                      .count());
        }
        compared += rows.isEmpty() ? 0 : 1;
      }
    }
    assertThat(compared).as("filters that match some calls").isGreaterThan(20);
  }

  private static CdrFilter range(long account, ZoneId zone, LocalDate first, LocalDate last) {
    return new CdrFilter(
        account,
        first.atStartOfDay(zone).toInstant(),
        last.plusDays(1).atStartOfDay(zone).toInstant(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A call of every kind in turn: direction, result, duration, country, number and extension. */
  private static CallRecord call(long account, int i, Instant start) {
    Direction direction = Direction.values()[i % 3];
    ExtensionNumber extension = i % 5 == 4 ? null : new ExtensionNumber(i % 2 == 0 ? "401" : "402");
    String other = i % 4 == 0 ? "+442079460" + (100 + i % 900) : "+1514555" + (1000 + i % 9000);
    DestinationClass destination =
        direction == Direction.INTERNAL
            ? DestinationClass.INTERNAL
            : i % 4 == 0 ? DestinationClass.INTERNATIONAL : DestinationClass.LOCAL;
    String country = direction == Direction.INTERNAL ? null : i % 4 == 0 ? "GB" : "CA";
    String party = direction == Direction.INTERNAL ? "403" : other;
    Disposition disposition =
        switch (i % 4) {
          case 0, 1 -> Disposition.ANSWERED;
          case 2 -> Disposition.BUSY;
          default -> Disposition.NO_ANSWER;
        };
    Instant answer = disposition == Disposition.ANSWERED ? start.plusSeconds(3) : null;
    int billsec = answer == null ? 0 : 7 + i * 11 % 400;
    Instant end = answer == null ? start.plusSeconds(20) : answer.plusSeconds(billsec);
    return new CallRecord(
        AccountId.of(account),
        extension,
        direction,
        direction == Direction.INBOUND ? party : extension == null ? "+15145550100" : "401",
        direction == Direction.INBOUND ? "+15145550100" : party,
        CallRecord.digitsOf(party),
        destination,
        country,
        start,
        answer,
        end,
        billsec,
        disposition,
        null,
        null,
        direction == Direction.OUTBOUND && answer != null ? "carrier-b" : null,
        List.of(),
        UUID.randomUUID() + "@backfill");
  }
}
