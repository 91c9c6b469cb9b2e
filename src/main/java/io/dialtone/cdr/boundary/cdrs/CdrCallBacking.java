package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.cdr.control.CallRecords;
import io.dialtone.cdr.control.CdrDetail;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.control.AccessDenied;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * {@code /cdrs/call.xhtml?id=}: every field of one call, its trunk attempts, and for a blocked
 * attempt the reason, the deciding rule and a link to the rule tester pre-filled with the account,
 * extension and number. An unknown id or one out of the caller's scope is answered 404.
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
