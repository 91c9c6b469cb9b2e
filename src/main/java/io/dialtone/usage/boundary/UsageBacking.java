package io.dialtone.usage.boundary;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.usage.control.CallDurations;
import io.dialtone.usage.control.LimitRefused;
import io.dialtone.usage.control.LimitRequests;
import io.dialtone.usage.control.UsageLimits;
import io.dialtone.usage.control.UsageOverview;
import io.dialtone.usage.entity.UsageCap;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code /usage/index.xhtml}: the caller's own account's usage against each cap (gauges and the
 * month's daily chart), its own limits, its extensions' caps, limit requests and notices. Only for
 * {@code MANAGE_USAGE_LIMITS}; the controls check permission and scope on every call.
 */
@Named
@ViewScoped
public class UsageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient UsageLimits limits;
  @Inject transient LimitRequests requests;
  @Inject transient AccessControl access;
  @Inject transient LocaleBacking language;

  private long accountId;
  private String accountName;
  private String currency;
  private List<GaugeRow> gauges;
  private Integer maxCallMinutes;
  private List<String> grantedTexts;
  private String chart;
  private List<ExtensionCapRow> extensionCaps;
  private List<RequestRow> myRequests;
  private List<NoticeView> notices;

  private final LimitsForm form = new LimitsForm();
  private String extension;
  private Integer extensionCalls;
  private UsageCap requestCap = UsageCap.DAILY_SPEND;
  private BigDecimal requestAmount;
  private String requestReason;
  private LocalDate requestEndsOn;

  /** The view action: loads the caller's own account. */
  public void load() {
    accountId = access.caller().accountId();
    UsageOverview overview = limits.overview(accountId);
    Locale locale = locale();
    accountName = overview.accountName();
    currency = overview.currency();
    var caps = overview.caps();
    gauges =
        List.of(
            GaugeRow.of(
                UsageCap.DAILY_SPEND,
                overview.todayUsage().cost(),
                caps.effective(UsageCap.DAILY_SPEND),
                currency,
                locale),
            GaugeRow.of(
                UsageCap.MONTHLY_SPEND,
                overview.monthUsage().cost(),
                caps.effective(UsageCap.MONTHLY_SPEND),
                currency,
                locale),
            GaugeRow.of(
                UsageCap.MONTHLY_MINUTES,
                BigDecimal.valueOf(overview.monthUsage().minutes()),
                caps.effective(UsageCap.MONTHLY_MINUTES),
                currency,
                locale),
            GaugeRow.of(
                UsageCap.CONCURRENT_CALLS,
                BigDecimal.valueOf(overview.activeCalls()),
                caps.effective(UsageCap.CONCURRENT_CALLS),
                currency,
                locale));
    grantedTexts =
        List.of(UsageCap.values()).stream()
            .map(cap -> AmountText.of(cap, cap.of(caps.granted()), currency, locale))
            .toList();
    chart =
        UsageCharts.dailySpend(
            overview.monthDays(),
            caps.effective(UsageCap.DAILY_SPEND),
            locale,
            Messages.text("usage.chart.spend"),
            Messages.text("usage.chart.dailyCap"));
    extensionCaps =
        overview.extensionCaps().entrySet().stream()
            .map(e -> new ExtensionCapRow(e.getKey(), e.getValue()))
            .toList();
    myRequests =
        overview.requests().stream()
            .map(r -> RequestRow.of(r, accountName, null, null, currency, locale))
            .toList();
    notices = overview.notices();
    form.fill(caps.working());
    maxCallMinutes = limits.maxCallMinutes(accountId);
  }

  /** Saves the maximum call duration (empty: the default). */
  public void saveMaxCall() {
    try {
      limits.changeMaxCallMinutes(accountId, maxCallMinutes);
      Messages.addGlobalInfo("usage.maxCallSaved");
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    Integer typed = maxCallMinutes;
    reload();
    if (FacesContext.getCurrentInstance().getMessageList().stream()
        .anyMatch(m -> m.getSeverity() == jakarta.faces.application.FacesMessage.SEVERITY_ERROR)) {
      maxCallMinutes = typed;
    }
  }

  public Integer getMaxCallMinutes() {
    return maxCallMinutes;
  }

  public void setMaxCallMinutes(Integer maxCallMinutes) {
    this.maxCallMinutes = maxCallMinutes;
  }

  /** The hint under the field: the default when empty. */
  public String getMaxCallHint() {
    return Messages.text("usage.maxCallMinutesHint", CallDurations.DEFAULT.toMinutes());
  }

  public void saveLimits() {
    try {
      limits.changeWorking(accountId, form.caps());
      Messages.addGlobalInfo("usage.limitsSaved");
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    reload();
  }

  public void saveExtensionCap() {
    try {
      limits.changeExtensionCap(accountId, extension, extensionCalls);
      Messages.addGlobalInfo("usage.extensionSaved", extension.strip());
      extension = null;
      extensionCalls = null;
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    reload();
  }

  public void removeExtensionCap(ExtensionCapRow row) {
    limits.changeExtensionCap(accountId, row.extension(), null);
    Messages.addGlobalInfo("usage.extensionRemoved", row.extension());
    reload();
  }

  public void request() {
    try {
      requests.request(accountId, requestCap, requestAmount, requestReason, requestEndsOn);
      Messages.addGlobalInfo("usage.request.sent");
      requestAmount = null;
      requestReason = null;
      requestEndsOn = null;
    } catch (LimitRefused e) {
      Messages.refusal(e);
    }
    reload();
  }

  private void reload() {
    LimitsForm kept = new LimitsForm();
    kept.fill(form.caps());
    load();
    if (FacesContext.getCurrentInstance().getMessageList().stream()
        .anyMatch(m -> m.getSeverity() == jakarta.faces.application.FacesMessage.SEVERITY_ERROR)) {
      form.fill(kept.caps()); // keep what was typed next to the error
    }
  }

  /**
   * The session's language. A view action runs before f:view applies it to the view root, so it is
   * set here too: the texts built now (chart labels, messages) are then in the page's language.
   */
  private Locale locale() {
    Locale locale = language.getLocale();
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    return locale;
  }

  /** The granted cap of {@code cap} formatted, or {@code null} for none. */
  public String granted(String cap) {
    return grantedTexts.get(UsageCap.valueOf(cap).ordinal());
  }

  public List<UsageCap> getCaps() {
    return List.of(UsageCap.values());
  }

  public String getAccountName() {
    return accountName;
  }

  public String getCurrency() {
    return currency;
  }

  public List<GaugeRow> getGauges() {
    return gauges;
  }

  public String getChart() {
    return chart;
  }

  public List<ExtensionCapRow> getExtensionCaps() {
    return extensionCaps;
  }

  public List<RequestRow> getMyRequests() {
    return myRequests;
  }

  public List<NoticeView> getNotices() {
    return notices;
  }

  public LimitsForm getForm() {
    return form;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public Integer getExtensionCalls() {
    return extensionCalls;
  }

  public void setExtensionCalls(Integer extensionCalls) {
    this.extensionCalls = extensionCalls;
  }

  public UsageCap getRequestCap() {
    return requestCap;
  }

  public void setRequestCap(UsageCap requestCap) {
    this.requestCap = requestCap;
  }

  public BigDecimal getRequestAmount() {
    return requestAmount;
  }

  public void setRequestAmount(BigDecimal requestAmount) {
    this.requestAmount = requestAmount;
  }

  public String getRequestReason() {
    return requestReason;
  }

  public void setRequestReason(String requestReason) {
    this.requestReason = requestReason;
  }

  public LocalDate getRequestEndsOn() {
    return requestEndsOn;
  }

  public void setRequestEndsOn(LocalDate requestEndsOn) {
    this.requestEndsOn = requestEndsOn;
  }
}
