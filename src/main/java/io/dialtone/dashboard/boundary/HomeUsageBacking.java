package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.cdr.control.DailyUsage;
import io.dialtone.cdr.control.Usage;
import io.dialtone.cdr.control.UsageTotals;
import io.dialtone.extension.control.ExtensionChoice;
import io.dialtone.extension.control.Extensions;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.notification.control.PortalNotices;
import io.dialtone.platform.boundary.ChartConfig;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.sip.control.LocationService;
import io.dialtone.usage.control.UsageLimits;
import io.dialtone.usage.control.UsageOverview;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The customer administrator's "today" on the home page: phones registered, calls now, today's and
 * this month's calls and spend against the caps, the last 30 days of calls, and the latest alerts;
 * each links to the page with the details. Figures from {@code usage}'s overview (the same as the
 * usage page: calls in progress, daily totals), {@code extension} and {@code sip}'s registrations.
 */
@Named
@RequestScoped
public class HomeUsageBacking {

  /** The days of the chart, today included. */
  static final int CHART_DAYS = 30;

  private static final int ALERTS = 5;

  @Inject AccessControl access;
  @Inject UsageLimits limits;
  @Inject UsageTotals totals;
  @Inject Extensions extensions;
  @Inject LocationService location;
  @Inject PortalNotices notices;
  @Inject Clock clock;

  private UsageOverview overview;
  private List<CapTile> tiles = List.of();
  private int phones;
  private int phonesRegistered;
  private String chart;
  private long guessingBursts;

  @PostConstruct
  void load() {
    if (!access.may(Permission.MANAGE_USAGE_LIMITS)) {
      return;
    }
    long accountId = access.caller().accountId();
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    overview = limits.overview(accountId);
    String currency = overview.currency();
    UsageCaps caps = overview.caps().effective();
    tiles =
        List.of(
            CapTile.of(
                "callsNow",
                "home.today.callsNow",
                BigDecimal.valueOf(overview.activeCalls()),
                whole(caps.concurrentCalls()),
                null,
                locale,
                "/usage/index"),
            CapTile.of(
                "spendToday",
                "home.today.spendToday",
                overview.todayUsage().cost(),
                caps.dailySpend(),
                currency,
                locale,
                "/usage/index"),
            CapTile.of(
                "spendMonth",
                "home.today.spendMonth",
                overview.monthUsage().cost(),
                caps.monthlySpend(),
                currency,
                locale,
                "/usage/index"),
            CapTile.of(
                "minutesMonth",
                "home.today.minutesMonth",
                BigDecimal.valueOf(overview.monthUsage().minutes()),
                whole(caps.monthlyMinutes()),
                null,
                locale,
                "/usage/index"));
    guessingBursts =
        notices
            .guessingBursts(
                clock.instant().minus(Duration.ofDays(HomeSupportBacking.GUESSING_DAYS)))
            .getOrDefault(accountId, 0L);
    if (access.may(Permission.MANAGE_EXTENSIONS)) {
      List<ExtensionChoice> all = extensions.choices(accountId);
      phones = all.size();
      phonesRegistered = (int) all.stream().filter(e -> location.isRegistered(e.id())).count();
    }
    List<DailyUsage> days =
        totals.daily(
            accountId,
            null,
            overview.today().minusDays(CHART_DAYS - 1L),
            overview.today().plusDays(1));
    DateTimeFormatter day = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
    chart =
        ChartConfig.bars(days.stream().map(d -> day.format(d.day())).toList(), locale)
            .dataset(
                Messages.text("home.today.chartAnswered"),
                days.stream().map(d -> d.usage().answered()).toList(),
                ChartConfig.PRIMARY)
            .dataset(
                Messages.text("home.today.chartBlocked"),
                days.stream().map(d -> d.usage().blocked()).toList(),
                ChartConfig.DANGER)
            .toJson();
  }

  /** Whether the caller sees this section: a customer account's own usage. */
  public boolean isShown() {
    return overview != null;
  }

  public List<CapTile> getTiles() {
    return tiles;
  }

  public boolean isPhonesShown() {
    return access.may(Permission.MANAGE_EXTENSIONS);
  }

  public int getPhones() {
    return phones;
  }

  public int getPhonesRegistered() {
    return phonesRegistered;
  }

  public Usage getToday() {
    return overview.todayUsage();
  }

  public Usage getMonth() {
    return overview.monthUsage();
  }

  public String getChart() {
    return chart;
  }

  /**
   * How many bursts of failed registrations against the account's phones (someone guessing a
   * password) its administrators were told of in the last {@value HomeSupportBacking#GUESSING_DAYS}
   * days.
   */
  public long getGuessingBursts() {
    return guessingBursts;
  }

  /** The latest alerts about the account's usage (newest first). */
  public List<NoticeView> getAlerts() {
    return overview.notices().stream().limit(ALERTS).toList();
  }

  private static BigDecimal whole(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }
}
