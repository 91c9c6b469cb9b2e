package io.dialtone.notification.boundary.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** {@code #{noticeTime.format(n.createdAt)}}: a notice's time in UTC, in the viewer's language. */
@Named
@ApplicationScoped
public class NoticeTime {

  public String format(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .withZone(ZoneOffset.UTC)
        .format(instant);
  }
}
