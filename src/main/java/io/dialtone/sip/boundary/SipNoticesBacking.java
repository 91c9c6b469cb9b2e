package io.dialtone.sip.boundary;

import io.dialtone.sip.control.SipNotices;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * {@code /WEB-INF/includes/sipNotices.xhtml}: the signed-in user's open notices from the registrar
 * (devices offline, password guessing, bans), on the pages that include it, each dismissable by its
 * recipient only.
 */
@Named
@ViewScoped
public class SipNoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient SipNotices notices;

  private List<NoticeRow> rows;

  @PostConstruct
  void load() {
    rows = notices.mine().stream().map(NoticeRow::of).toList();
  }

  public void dismiss(long id) {
    notices.dismiss(id);
    load();
  }

  /** A notice's time in UTC, formatted for the viewer's language. */
  public String format(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .withZone(ZoneOffset.UTC)
        .format(instant);
  }

  public List<NoticeRow> getRows() {
    return rows;
  }
}
