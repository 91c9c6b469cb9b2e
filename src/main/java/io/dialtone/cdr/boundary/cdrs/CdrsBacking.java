package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrFacets;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrRow;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.FilterTotals;
import io.dialtone.cdr.control.SavedCriteria;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code /cdrs/index.xhtml}: the call records of one account in the caller's scope. The filter
 * (date range in the account's time zone, by default its last 30 days; extension, direction,
 * disposition with a one-click "blocked calls", destination class, country, number prefix, minimum
 * duration), its totals and daily charts, and the list paged by keyset. Every read goes through
 * {@link CallRecords}, which checks permission and scope (404 otherwise). The form itself is {@link
 * CdrFilterForm}. Saved filters, the CSV export and the retention are in {@link CdrToolsBacking}.
 */
@Named
@ViewScoped
public class CdrsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The default range: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  @Inject transient CallRecords records;
  @Inject transient Clock clock;
  @Inject LocaleBacking language;

  private Long accountId;
  private List<AccountOption> accounts = List.of();
  private ZoneId zone;
  private String region;
  private final CdrFilterForm form = new CdrFilterForm();
  private CdrFilter filter;
  private FilterTotals totals;
  private String callsChart;
  private String minutesChart;
  private String costChart;
  private final CdrRowsModel rows = new CdrRowsModel(() -> filter, this::count);

  /** An account to pick. */
  public record AccountOption(long id, String label) implements Serializable {}

  /** View action: the accounts in scope; the list of the given or only account. */
  public void load() {
    accounts =
        records.accounts().stream()
            .map(a -> new AccountOption(a.id(), label(a.name(), a.accountNumber())))
            .toList();
    if (accountId == null && accounts.size() == 1) {
      accountId = accounts.get(0).id();
    }
    if (accountId != null) {
      apply();
    }
  }

  /** Another account was picked: its default filter. */
  public void pickAccount() {
    zone = null;
    region = null;
    form.clearRange();
    if (accountId != null) {
      apply();
    } else {
      clear();
    }
  }

  /** Shows the list, totals and charts of the filter form. */
  public void apply() {
    if (accountId == null) {
      Messages.addGlobalError("cdrs.pickAccount");
      return;
    }
    knowAccount();
    if (!form.completeRange(LocalDate.now(clock.withZone(zone)), DEFAULT_DAYS)) {
      Messages.addGlobalError("cdrs.error.range");
      return;
    }
    try {
      filter = toFilter();
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError("cdrs.error.filter");
      return;
    }
    rows.reset();
    totals = records.totals(filter);
    Locale locale = language.getLocale();
    callsChart =
        CdrCharts.calls(
            totals.days(),
            locale,
            Messages.text("cdrs.chart.calls"),
            Messages.text("cdrs.chart.blocked"));
    minutesChart = CdrCharts.minutes(totals.days(), locale, Messages.text("cdrs.chart.minutes"));
    costChart = CdrCharts.cost(totals.days(), locale, Messages.text("cdrs.chart.cost"));
  }

  /** One click: the blocked attempts of the range. */
  public void showBlocked() {
    form.setDisposition(Disposition.BLOCKED);
    apply();
  }

  /** Back to the default filter of the account. */
  public void reset() {
    form.clear();
    apply();
  }

  /** The form as saved criteria (relative when the range ends today). */
  SavedCriteria criteria() {
    return form.criteria(accountId, zone == null ? null : LocalDate.now(clock.withZone(zone)));
  }

  /** Fills the form with saved criteria and applies them. */
  void use(SavedCriteria c) {
    if (c.accountId() != null && !c.accountId().equals(accountId)) {
      accountId = c.accountId();
      zone = null;
      region = null;
    }
    if (accountId != null) {
      knowAccount();
    }
    form.fill(c, zone == null ? null : LocalDate.now(clock.withZone(zone)));
    apply();
  }

  /** For tests: the account's time zone and country as {@link #apply()} reads them. */
  void account(ZoneId zoneValue, String regionValue) {
    zone = zoneValue;
    region = regionValue;
  }

  /** The filter being shown, or {@code null} before one is. */
  public CdrFilter getFilter() {
    return filter;
  }

  CdrFilter toFilter() {
    return form.toFilter(accountId, zone, region);
  }

  /** The time zone and country of the account picked, read once per account. */
  private void knowAccount() {
    if (zone == null) {
      zone = records.zoneOf(accountId);
    }
    if (region == null) {
      region = records.countryOf(accountId);
    }
  }

  /**
   * A start time in the account's time zone, in the viewer's language: the short date and the time
   * to the second, on one line of the list.
   */
  public String format(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
        .withLocale(language.getLocale())
        .withZone(zone == null ? ZoneId.of("UTC") : zone)
        .format(instant);
  }

  /** A final SIP status with its meaning ("486 Busy here"), for the list's tooltip. */
  public String status(Integer status) {
    return SipStatusText.of(status);
  }

  /** A duration as {@code m:ss} (or {@code h:mm:ss}). */
  public String duration(int seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  private long count() {
    return totals == null ? 0 : totals.total().calls();
  }

  private void clear() {
    filter = null;
    totals = null;
    rows.reset();
  }

  private static String label(String name, String number) {
    return number == null ? name : name + " (" + number + ")";
  }

  public org.primefaces.model.LazyDataModel<CdrRow> getRows() {
    return rows;
  }

  public FilterTotals getTotals() {
    return totals;
  }

  public String getCallsChart() {
    return callsChart;
  }

  public String getMinutesChart() {
    return minutesChart;
  }

  public String getCostChart() {
    return costChart;
  }

  public String getZoneName() {
    return zone == null ? "" : zone.getId();
  }

  public List<AccountOption> getAccounts() {
    return accounts;
  }

  public boolean isSeveralAccounts() {
    return accounts.size() > 1;
  }

  public List<Direction> getDirections() {
    return List.of(Direction.values());
  }

  public List<Disposition> getDispositions() {
    return List.of(Disposition.values());
  }

  public List<DestinationClass> getDestinations() {
    return List.of(DestinationClass.values());
  }

  /**
   * The minimum durations offered (those the summary rows answer alone), and the form's own when it
   * is another (a filter saved before).
   */
  public List<Integer> getMinDurations() {
    List<Integer> offered = new java.util.ArrayList<>(CdrFacets.minimumDurations());
    Integer own = form.getMinSeconds();
    if (own != null && own > 0 && !offered.contains(own)) {
      offered.add(own);
      offered.sort(null);
    }
    return offered;
  }

  /** "at least 30 s", "at least 1 min 30 s", "at least 1 h" in the viewer's language. */
  public String durationLabel(Integer seconds) {
    if (seconds == null) {
      return "";
    }
    if (seconds < 60) {
      return Messages.text("cdrs.minDuration.seconds", seconds);
    }
    if (seconds % 3600 == 0) {
      return Messages.text("cdrs.minDuration.hours", seconds / 3600);
    }
    if (seconds % 60 == 0) {
      return Messages.text("cdrs.minDuration.minutes", seconds / 60);
    }
    return Messages.text("cdrs.minDuration.minutesSeconds", seconds / 60, seconds % 60);
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public CdrFilterForm getForm() {
    return form;
  }
}
