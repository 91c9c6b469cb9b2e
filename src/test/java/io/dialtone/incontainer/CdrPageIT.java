package io.dialtone.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.account.control.AccountView;
import io.dialtone.account.entity.Account;
import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrExports;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrPartitions;
import io.dialtone.cdr.control.CdrRetention;
import io.dialtone.cdr.control.CdrRetentionSweep;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.ExportJob;
import io.dialtone.cdr.control.FilterTotals;
import io.dialtone.cdr.control.PartitionPlan;
import io.dialtone.cdr.control.SavedCriteria;
import io.dialtone.cdr.control.SavedFilters;
import io.dialtone.extension.control.Extensions;
import io.dialtone.incontainer.SeededAccounts.Tenants;
import io.dialtone.incontainer.SeededUsers.Seeded;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.AccessDenied;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDR page's controls in Payara Micro on MariaDB: role scope (a customer user sees only their
 * own extensions' calls, another tenant is refused and nothing leaks, a reseller sees only its
 * customers), the CSV export (every row of the filter, in batches, audited, only for its owner),
 * saved filters (own user only) and retention (changed within scope, audited; the sweep drops
 * expired partitions and deletes rows of shorter retentions at the time given).
 */
@ExtendWith(ArquillianExtension.class)
public class CdrPageIT {

  @Deployment
  public static WebArchive deployment() {
    return InContainerDeployment.of("cdr");
  }

  @Inject CallRecords records;
  @Inject CdrExports exports;
  @Inject SavedFilters saved;
  @Inject CdrRetention retention;
  @Inject CdrRetentionSweep sweep;
  @Inject CdrPartitions partitions;
  @Inject Extensions extensions;
  @Inject SeededAccounts seeded;
  @Inject SeededUsers users;
  @Inject ExtensionRows extensionRows;
  @Inject CdrRows rows;
  @Inject CdrPageRows pageRows;

  @Test
  void aCustomerUserSeesOnlyTheCallsOfTheirOwnExtensions() throws Exception {
    Tenants t = seeded.tenants();
    Seeded user = users.user(Role.CUSTOMER_USER, t.a1());
    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    extensions.create(t.a1(), "301", "Mine", ExtensionType.USER, user.id());
    extensions.create(t.a1(), "302", "Someone else", ExtensionType.USER, null);
    Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
    pageRows.recordAll(
        List.of(
            outbound(t.a1(), "301", "+15145550301", start, 10),
            outbound(t.a1(), "301", "+15145550302", start.plusSeconds(60), 20),
            outbound(t.a1(), "302", "+15145550303", start.plusSeconds(120), 30),
            outbound(t.b1(), "301", "+15145550304", start, 40)));
    CdrFilter a1 = CdrFilter.lastDays(t.a1(), Instant.now());
    long otherId = records.page(a1.withExtension("302"), null, 1).get(0).id();

    extensionRows.signInAs(user.id(), Role.CUSTOMER_USER, t.a1());

    List<CdrRow> page = records.page(a1, null, 50);
    assertThat(page).extracting(CdrRow::extension).containsOnly("301");
    assertThat(page).extracting(CdrRow::callee).containsExactly("+15145550302", "+15145550301");
    assertThat(records.totals(a1).total().calls()).isEqualTo(2);
    assertThat(records.totals(a1.withDirection(Direction.OUTBOUND)).total().calls()).isEqualTo(2);
    assertThat(records.detail(page.get(0).id())).isPresent();
    assertThatThrownBy(() -> records.page(a1.withExtension("302"), null, 50))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> records.detail(otherId)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> records.totals(a1.withExtension("302")))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> records.page(CdrFilter.lastDays(t.b1(), Instant.now()), null, 50))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> exports.start(CdrFilter.lastDays(t.b1(), Instant.now())))
        .isInstanceOf(AccessDenied.class);
    assertThat(records.accounts()).extracting(AccountView::id).containsExactly(t.a1());
  }

  @Test
  void aReusedExtensionNumberDoesNotShowThePreviousHoldersCallsToTheNewHolder() throws Exception {
    Tenants t = seeded.tenants();
    Seeded before = users.user(Role.CUSTOMER_USER, t.a1());
    Seeded after = users.user(Role.CUSTOMER_USER, t.a1());
    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    long first =
        extensions.create(t.a1(), "401", "Before", ExtensionType.USER, before.id()).extensionId();
    Instant start = Instant.now().minus(3, ChronoUnit.HOURS);
    pageRows.recordAll(
        List.of(
            outbound(t.a1(), "401", "+15145550401", start, 10),
            outbound(t.a1(), "401", "+15145550402", start.plusSeconds(60), 20)));
    extensions.delete(first);
    long second =
        extensions.create(t.a1(), "401", "After", ExtensionType.USER, after.id()).extensionId();
    pageRows.recordAll(
        List.of(outbound(t.a1(), "401", "+15145550403", start.plusSeconds(3600), 30)));
    CdrFilter a1 = CdrFilter.lastDays(t.a1(), Instant.now());
    List<CdrRow> all = records.page(a1.withExtension("401"), null, 50);
    assertThat(all)
        .extracting(CdrRow::callee)
        .containsExactly("+15145550403", "+15145550402", "+15145550401"); // the admin: all three
    assertThat(records.totals(a1.withExtension("401")).total().calls()).isEqualTo(3);

    extensionRows.signInAs(after.id(), Role.CUSTOMER_USER, t.a1());

    assertThat(records.page(a1, null, 50))
        .extracting(CdrRow::callee)
        .containsExactly("+15145550403");
    assertThat(records.page(a1.withExtension("401"), null, 50))
        .extracting(CdrRow::callee)
        .containsExactly("+15145550403");
    assertThat(records.totals(a1).total().calls()).isEqualTo(1);
    assertThat(records.totals(a1.withExtension("401")).total().calls()).isEqualTo(1);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto"));
    assertThat(
            records.daily(t.a1(), "401", today.minusDays(2), today.plusDays(1)).stream()
                .mapToLong(d -> d.usage().calls())
                .sum())
        .isEqualTo(1);
    assertThat(records.detail(all.get(0).id())).isPresent();
    assertThatThrownBy(() -> records.detail(all.get(2).id())).isInstanceOf(AccessDenied.class);
    assertThat(rows.extensionIdOf(all.get(2).id())).isEqualTo(first);
    assertThat(rows.extensionIdOf(all.get(0).id())).isEqualTo(second);
  }

  @Test
  void aResellerSeesOnlyItsCustomersAndStaffReadingIsAudited() {
    Tenants t = seeded.tenants();
    Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
    pageRows.recordAll(
        List.of(
            outbound(t.a1(), "201", "+15145550401", start, 10),
            blocked(t.a1(), "201", start.plusSeconds(5)),
            outbound(t.b1(), "201", "+15145550402", start, 20)));
    CdrFilter a1 = CdrFilter.lastDays(t.a1(), Instant.now());

    String reseller = seeded.signInAs(Role.RESELLER_ADMIN, t.a());
    assertThat(records.accounts())
        .extracting(AccountView::id)
        .contains(t.a1(), t.a2())
        .doesNotContain(t.b1(), t.b2());
    assertThat(records.totals(a1.withDisposition(Disposition.BLOCKED)).total().calls())
        .isEqualTo(1);
    assertThat(rows.audits("CDRS_VIEWED", reseller, "SUCCESS")).isEqualTo(1);
    CdrRow blockedRow = records.page(a1.withDisposition(Disposition.BLOCKED), null, 5).get(0);
    var detail = records.detail(blockedRow.id()).orElseThrow();
    assertThat(detail.blockReason()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(detail.blockRuleId()).isEqualTo(42L);
    assertThat(rows.audits("CDRS_VIEWED", reseller, "SUCCESS")).isEqualTo(2);
    CdrFilter b1 = CdrFilter.lastDays(t.b1(), Instant.now());
    assertThatThrownBy(() -> records.scope(t.b1())).isInstanceOf(AccessDenied.class);
    List<String> afterScope = pageRows.refusals("account:" + t.b1());
    assertThatThrownBy(() -> records.page(b1, null, 50)).isInstanceOf(AccessDenied.class);
    List<String> afterPage = pageRows.refusals("account:" + t.b1());
    assertThatThrownBy(() -> records.totals(b1)).isInstanceOf(AccessDenied.class);
    assertThat(pageRows.refusals("account:" + t.b1()))
        .as(
            "refusals of account:%d after scope %s, after page %s; rows of %s: %s",
            t.b1(), afterScope, afterPage, reseller, pageRows.audited(reseller))
        .containsExactly(
            reseller + " missing VIEW_CDRS",
            reseller + " missing VIEW_CDRS",
            reseller + " missing VIEW_CDRS");

    seeded.signInAs(Role.PLATFORM_ADMIN, Account.PLATFORM_ID);
    assertThat(records.accounts()).extracting(AccountView::id).contains(t.a1(), t.b1());
  }

  @Test
  void theExportWritesEveryCallOfTheFilterInBatchesOnlyForItsOwnerAndIsAudited() throws Exception {
    Tenants t = seeded.tenants();
    Instant start = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    List<CallRecord> calls = new ArrayList<>();
    for (int i = 0; i < 2050; i++) {
      calls.add(outbound(t.a1(), "201", "+1514555" + (1000 + i), start.plusSeconds(i * 60L), i));
    }
    calls.add(blocked(t.a1(), "201", start.plusSeconds(30)));
    pageRows.recordAll(calls);
    pageRows.recordAll(List.of(outbound(t.b1(), "201", "+15145550999", start, 5)));
    String admin = seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    CdrFilter a1 = CdrFilter.lastDays(t.a1(), Instant.now());

    ExportJob job = exports.start(a1);
    List<String> lines = download(job);

    assertThat(job.expected()).isEqualTo(2051);
    assertThat(lines).hasSize(2052);
    assertThat(lines.get(0)).startsWith("id,start,answer,end,direction,extension,caller,callee");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(l -> l.matches("[0-9]+,[0-9T:.-]+Z,.*"))
        .noneMatch(l -> l.contains("+15145550999"));
    assertThat(lines.get(1)).contains(",+15145551000,").contains(",ANSWERED,");
    assertThat(lines.get(2)).contains(",BLOCKED,PLATFORM_BLOCKED_RANGE,42,");
    assertThat(lines.get(lines.size() - 1)).contains(",+15145553049,");
    assertThat(job.fileName()).startsWith("cdr-").endsWith(".csv");
    assertThat(pageRows.lastAuditDetail("CDRS_EXPORTED", t.a1()))
        .startsWith("account:" + t.a1())
        .endsWith("rows=2051");
    assertThat(rows.audits("CDRS_EXPORTED", admin, "SUCCESS")).isEqualTo(1);

    ExportJob blockedOnly = exports.start(a1.withDisposition(Disposition.BLOCKED));
    awaitEnd(blockedOnly);
    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1()); // another user of the same account
    assertThat(exports.job(blockedOnly.id())).isEmpty();
    assertThat(exports.take(blockedOnly.id())).isEmpty();
  }

  @Test
  void savedFiltersBelongToTheirUserOnly() {
    Tenants t = seeded.tenants();
    Seeded a = users.user(Role.CUSTOMER_ADMIN, t.a1());
    Seeded b = users.user(Role.CUSTOMER_ADMIN, t.a1());
    SavedCriteria blockedWeek =
        new SavedCriteria(
            t.a1(), 7, null, null, null, null, Disposition.BLOCKED, null, null, null, null);

    extensionRows.signInAs(a.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(saved.save("Blocked this week", blockedWeek)).isTrue();
    long id = saved.mine().get(0).getId();

    extensionRows.signInAs(b.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(saved.mine()).isEmpty();
    assertThatThrownBy(() -> saved.get(id)).isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> saved.delete(id)).isInstanceOf(AccessDenied.class);
    assertThat(pageRows.savedFilters(a.id())).isEqualTo(1);

    extensionRows.signInAs(a.id(), Role.CUSTOMER_ADMIN, t.a1());
    assertThat(saved.get(id)).isEqualTo(blockedWeek);
    assertThat(saved.save("Blocked this week", blockedWeek)).isTrue();
    assertThat(pageRows.savedFilters(a.id())).isEqualTo(1);
    saved.delete(id);
    assertThat(pageRows.savedFilters(a.id())).isZero();
  }

  @Test
  void retentionIsChangedWithinScopeAndTheSweepRemovesWhatExpiredAtTheGivenTime() {
    Tenants t = seeded.tenants();
    String admin = seeded.signInAs(Role.CUSTOMER_ADMIN, t.a2());
    assertThat(retention.months(t.a2())).isEqualTo(24);
    assertThatThrownBy(() -> retention.change(t.a2(), 11))
        .isInstanceOf(IllegalArgumentException.class);
    retention.change(t.a2(), 12);
    assertThat(retention.months(t.a2())).isEqualTo(12);
    assertThat(rows.audits("CDR_RETENTION_CHANGED", admin, "SUCCESS")).isEqualTo(1);
    assertThatThrownBy(() -> retention.change(t.b2(), 36)).isInstanceOf(AccessDenied.class);
    seeded.signInAs(Role.CUSTOMER_USER, t.a2());
    assertThatThrownBy(() -> retention.change(t.a2(), 36)).isInstanceOf(AccessDenied.class);

    // The sweep runs at an injected time three months from now.
    Instant now = Instant.now().plus(92, ChronoUnit.DAYS);
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    partitions.ensure(month.minusMonths(27), YearMonth.now(ZoneOffset.UTC));
    Instant old = month.minusMonths(26).atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant year = month.minusMonths(14).atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant recent = month.minusMonths(2).atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    CallRecord a1Old = outbound(t.a1(), "201", "+15145550501", old, 10);
    CallRecord a1Year = outbound(t.a1(), "201", "+15145550502", year, 10);
    CallRecord a2Year = outbound(t.a2(), "201", "+15145550503", year, 10);
    CallRecord a2Recent = outbound(t.a2(), "201", "+15145550504", recent, 10);
    pageRows.recordAll(List.of(a1Old, a1Year, a2Year, a2Recent));
    java.util.function.BiFunction<Long, Instant, Long> summaries =
        (account, start) ->
            pageRows.summaryRowsAround(account, LocalDate.ofInstant(start, ZoneOffset.UTC));
    // each call: a row in each of the six summary tables, and one per prefix of up to five digits
    assertThat(summaries.apply(t.a1(), old)).isEqualTo(11);
    assertThat(summaries.apply(t.a2(), year)).isEqualTo(11);

    CdrRetentionSweep.Outcome outcome = sweep.apply(now);

    assertThat(outcome.dropped()).contains(PartitionPlan.nameOf(month.minusMonths(26)));
    assertThat(partitions.partitions()).doesNotContain(PartitionPlan.nameOf(month.minusMonths(26)));
    assertThat(outcome.deletedRows()).isGreaterThanOrEqualTo(1);
    assertThat(rows.count(a1Old.callId())).isZero();
    assertThat(rows.count(a1Year.callId())).isEqualTo(1);
    assertThat(rows.count(a2Year.callId())).isZero();
    assertThat(rows.count(a2Recent.callId())).isEqualTo(1);
    // the summary rows of the expired calls' days went with them; the others stay
    assertThat(outcome.summaryRows()).isGreaterThanOrEqualTo(22);
    assertThat(summaries.apply(t.a1(), old)).isZero();
    assertThat(summaries.apply(t.a1(), year)).isEqualTo(11);
    assertThat(summaries.apply(t.a2(), year)).isZero();
    assertThat(summaries.apply(t.a2(), recent)).isEqualTo(11);
    assertThat(rows.audits("CDR_RETENTION_APPLIED", "system", "SUCCESS")).isGreaterThanOrEqualTo(1);
    assertThat(sweep.apply(now).dropped()).isEmpty();
  }

  private List<String> download(ExportJob job) throws IOException, InterruptedException {
    awaitEnd(job);
    assertThat(job.state()).isEqualTo(ExportJob.State.DONE);
    assertThat(job.percent()).isEqualTo(100);
    InputStream in = exports.take(job.id()).orElseThrow();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = r.lines().toList();
      assertThat(exports.take(job.id())).isEmpty(); // once only
      return lines;
    }
  }

  @Test
  void filteredTotalsOfEveryFilterCombinationEqualTheCountsOfTheCallRows() throws Exception {
    Tenants t = seeded.tenants();
    seeded.signInAs(Role.CUSTOMER_ADMIN, t.a1());
    ZoneId zone = records.zoneOf(t.a1());
    LocalDate today = LocalDate.now(zone);
    Instant now = Instant.now();
    List<CallRecord> calls = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      // spread over six days and both sides of their midnights in the account's zone
      Instant start = now.minus(i * 53L + 30, ChronoUnit.MINUTES);
      calls.add(mixed(t.a1(), i, start));
    }
    pageRows.recordAll(calls);
    assertThat(pageRows.facetCalls(t.a1(), false)).isEqualTo(150);
    assertThat(pageRows.facetCalls(t.a1(), true)).isEqualTo(150);

    LocalDate first = today.minusDays(7);
    CdrFilter range =
        new CdrFilter(
            t.a1(),
            first.atStartOfDay(zone).toInstant(),
            today.plusDays(1).atStartOfDay(zone).toInstant(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    int compared = 0;
    for (String extension : java.util.Arrays.asList(null, "401", "402")) {
      for (Direction direction :
          java.util.Arrays.asList(
              null, Direction.OUTBOUND, Direction.INBOUND, Direction.INTERNAL)) {
        for (Disposition disposition :
            java.util.Arrays.asList(
                null, Disposition.ANSWERED, Disposition.BLOCKED, Disposition.BUSY)) {
          for (DestinationClass destination :
              java.util.Arrays.asList(
                  null, DestinationClass.INTERNATIONAL, DestinationClass.LOCAL)) {
            for (String country : java.util.Arrays.asList(null, "GB", "CA")) {
              CdrFilter f =
                  range
                      .withExtension(extension)
                      .withDirection(direction)
                      .withDisposition(disposition)
                      .withDestination(destination)
                      .withCountry(country);
              List<CdrRow> rows = records.page(f, null, CallRecords.MAX_PAGE);
              assertThat(rows).hasSizeLessThan(CallRecords.MAX_PAGE);
              FilterTotals totals = records.totals(f);
              String what = io.dialtone.cdr.control.CdrFilterText.describe(f);
              assertThat(totals.total().calls()).as(what).isEqualTo(rows.size());
              assertThat(totals.total().answered())
                  .as(what)
                  .isEqualTo(
                      rows.stream().filter(r -> r.disposition() == Disposition.ANSWERED).count());
              assertThat(totals.total().blocked())
                  .as(what)
                  .isEqualTo(
                      rows.stream().filter(r -> r.disposition() == Disposition.BLOCKED).count());
              assertThat(totals.total().billsec())
                  .as(what)
                  .isEqualTo(rows.stream().mapToLong(CdrRow::billsec).sum());
              assertThat(totals.total().cost())
                  .as(what)
                  .isEqualByComparingTo(
                      rows.stream()
                          .map(r -> r.cost() == null ? java.math.BigDecimal.ZERO : r.cost())
                          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
              for (var day : totals.days()) {
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
        }
      }
    }
    assertThat(compared).as("filters that match some calls").isGreaterThan(100);

    // Number prefixes (short ones from the summary rows, long ones and with an extension from the
    // call rows) and minimum durations (on a class limit, between two, above the last), alone and
    // with the other filters.
    int numbered = 0;
    for (String prefix :
        java.util.Arrays.asList(null, "4", "44", "15145", "151455", "4420794601", "403", "9")) {
      for (Integer min : java.util.Arrays.asList(null, 0, 10, 11, 60, 333, 5000)) {
        for (String extension : java.util.Arrays.asList(null, "401")) {
          for (Direction direction : java.util.Arrays.asList(null, Direction.OUTBOUND)) {
            for (Disposition disposition :
                java.util.Arrays.asList(null, Disposition.ANSWERED, Disposition.BLOCKED)) {
              CdrFilter f =
                  range
                      .withNumberPrefix(prefix)
                      .withMinBillsec(min)
                      .withExtension(extension)
                      .withDirection(direction)
                      .withDisposition(disposition);
              assertSameAsTheRows(f, zone);
              numbered += records.page(f, null, CallRecords.MAX_PAGE).isEmpty() ? 0 : 1;
            }
          }
        }
      }
    }
    assertThat(numbered).as("prefix/duration filters that match some calls").isGreaterThan(150);
    assertThat(pageRows.numberFacetCalls(t.a1()))
        .as("every call under the empty prefix")
        .isEqualTo(150);

    // Those totals are the summary rows', not a count of the calls (a prefix of more than five
    // digits still counts the calls).
    pageRows.addToNumberFacets(t.a1(), "44", 1000);
    assertThat(records.totals(range.withNumberPrefix("44")).total().calls())
        .isEqualTo(records.page(range.withNumberPrefix("44"), null, 200).size() + 1000);
    assertThat(records.totals(range.withNumberPrefix("4420794601")).total().calls())
        .isEqualTo(records.page(range.withNumberPrefix("4420794601"), null, 200).size());

    // The totals of such a filter are the summary rows', not a count of the calls: a summary row
    // changed by hand shows.
    pageRows.addToFacets(t.a1(), 1000);
    assertThat(records.totals(range.withDirection(Direction.INBOUND)).total().calls())
        .isEqualTo(records.page(range.withDirection(Direction.INBOUND), null, 200).size() + 1000);
  }

  /** The totals of {@code f} equal the sums of the calls the list shows, in total and per day. */
  private void assertSameAsTheRows(CdrFilter f, ZoneId zone) {
    List<CdrRow> rows = records.page(f, null, CallRecords.MAX_PAGE);
    assertThat(rows).hasSizeLessThan(CallRecords.MAX_PAGE);
    FilterTotals totals = records.totals(f);
    String what = io.dialtone.cdr.control.CdrFilterText.describe(f);
    assertThat(totals.total().calls()).as(what).isEqualTo(rows.size());
    assertThat(totals.total().answered())
        .as(what)
        .isEqualTo(rows.stream().filter(r -> r.disposition() == Disposition.ANSWERED).count());
    assertThat(totals.total().blocked())
        .as(what)
        .isEqualTo(rows.stream().filter(r -> r.disposition() == Disposition.BLOCKED).count());
    assertThat(totals.total().billsec())
        .as(what)
        .isEqualTo(rows.stream().mapToLong(CdrRow::billsec).sum());
    assertThat(totals.total().minutes())
        .as(what)
        .isEqualTo(rows.stream().mapToLong(r -> (r.billsec() + 59) / 60).sum());
    assertThat(totals.total().cost())
        .as(what)
        .isEqualByComparingTo(
            rows.stream()
                .map(r -> r.cost() == null ? java.math.BigDecimal.ZERO : r.cost())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    for (var day : totals.days()) {
      assertThat(day.usage().calls())
          .as(what + " on " + day.day())
          .isEqualTo(
              rows.stream()
                  .filter(r -> LocalDate.ofInstant(r.start(), zone).equals(day.day()))
                  .count());
    }
  }

  /**
   * The {@code i}-th call of a mix of extensions (401, 402, none), directions, results, destination
   * types, countries, durations and costs.
   */
  private static CallRecord mixed(long account, int i, Instant start) {
    Direction direction = Direction.values()[i % 3];
    ExtensionNumber extension = i % 5 == 4 ? null : new ExtensionNumber(i % 2 == 0 ? "401" : "402");
    if (direction == Direction.OUTBOUND && i % 7 == 0) {
      return CallRecord.blocked(
          AccountId.of(account),
          extension == null ? new ExtensionNumber("401") : extension,
          "401",
          "011442079460" + (100 + i),
          new Decision(
              DecidingRule.INTERNATIONAL_BLOCKED,
              null,
              new Classification(
                  DestinationClass.INTERNATIONAL,
                  "442079460" + (100 + i),
                  new E164Number("+442079460" + (100 + i)),
                  "GB",
                  true)),
          start,
          UUID.randomUUID() + "@mix");
    }
    String other = i % 4 == 0 ? "+442079460" + (100 + i) : "+1514555" + (1000 + i);
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
        UUID.randomUUID() + "@mix");
  }

  private static void awaitEnd(ExportJob job) throws InterruptedException {
    for (int i = 0; i < 600 && job.state() == ExportJob.State.RUNNING; i++) {
      Thread.sleep(100);
    }
    assertThat(job.state()).isNotEqualTo(ExportJob.State.RUNNING);
  }

  private static CallRecord outbound(
      long account, String extension, String callee, Instant start, int billsec) {
    Instant answer = start.plusSeconds(2);
    return new CallRecord(
        AccountId.of(account),
        ExtensionNumber.parse(extension).orElse(null),
        Direction.OUTBOUND,
        "+15145550100",
        callee,
        CallRecord.digitsOf(callee),
        DestinationClass.LOCAL,
        "CA",
        start,
        answer,
        answer.plusSeconds(billsec),
        billsec,
        Disposition.ANSWERED,
        null,
        null,
        "carrier-b",
        List.of(),
        UUID.randomUUID() + "@10.20.0.6");
  }

  private static CallRecord blocked(long account, String extension, Instant at) {
    Decision decision =
        new Decision(
            DecidingRule.PLATFORM_BLOCKED_RANGE,
            42L,
            new Classification(
                DestinationClass.INTERNATIONAL, "88213", new E164Number("+88213"), "001", true));
    return CallRecord.blocked(
        AccountId.of(account),
        ExtensionNumber.parse(extension).orElse(null),
        extension,
        "01188213",
        decision,
        at,
        UUID.randomUUID() + "@x");
  }
}
