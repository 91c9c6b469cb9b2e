package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrDetail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * {@code /cdrs/call.xhtml?id=}: every field of one call (the final SIP status in words, who hung
 * up), its trunk attempts, and for a blocked attempt the reason, a link to the page where the
 * deciding rule is kept (when the viewer may open it) and a link to the rule tester pre-filled with
 * the account, extension and number. An unknown id or one out of the caller's scope is answered
 * 404.
 */
@Named
@RequestScoped
public class CdrCallBacking {

  @Inject CallRecords records;
  @Inject AccessControl access;
  @Inject LocaleBacking language;

  private Long id;
  private CdrDetail call;
  private ZoneId zone;

  /** View action: the call, or 404. */
  public void load() {
    if (id == null) {
      throw new AccessDenied("no call id");
    }
    call = records.detail(id).orElseThrow(() -> new AccessDenied("no call " + id));
    zone = records.zoneOf(call.accountId());
  }

  /** A time in the account's time zone, in the viewer's language, with the zone's offset. */
  public String format(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(language.getLocale())
            .withZone(zone)
            .format(instant)
        + " ("
        + zone.getId()
        + ")";
  }

  /** The final SIP status with its meaning ("486 Busy here"); empty when none was stored. */
  public String status(Integer status) {
    return SipStatusText.of(status);
  }

  /** Who ended the call, in words; empty when not recorded. */
  public String hangup(String side) {
    return side == null || side.isEmpty() ? "" : Messages.text("HangupSide." + side);
  }

  /** When a trunk answered, after the call's start: "1.25 s", in the viewer's language. */
  public String after(Duration after) {
    if (after == null) {
      return "";
    }
    NumberFormat seconds = NumberFormat.getNumberInstance(language.getLocale());
    seconds.setMinimumFractionDigits(2);
    seconds.setMaximumFractionDigits(2);
    return Messages.text("cdrs_call.attemptAfter", seconds.format(after.toMillis() / 1000.0));
  }

  /**
   * The page where the rule that blocked the call is kept, if the viewer may open it ({@code null}:
   * none): the platform's ranges, the rate deck, the usage limits, else the account's call blocking
   * rules (number and prefix rules, the classes of numbers).
   */
  public String getRuleOutcome() {
    DecidingRule rule = call.blockReason();
    if (rule == null) {
      return null;
    }
    return switch (rule) {
      case PLATFORM_BLOCKED_RANGE ->
          access.may(Permission.MANAGE_PLATFORM_RANGES) ? "/calls/ranges" : null;
      case NO_RATE -> access.may(Permission.MANAGE_RATE_DECK) ? "/rates/index" : null;
      case USAGE_LIMIT -> access.may(Permission.MANAGE_USAGE_LIMITS) ? "/usage/index" : null;
      default -> access.may(Permission.MANAGE_CALL_POLICY) ? "/calls/blocking" : null;
    };
  }

  public boolean isMayTest() {
    return access.may(Permission.TEST_CALL_POLICY);
  }

  public CdrDetail getCall() {
    return call;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
