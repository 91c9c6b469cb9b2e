package io.dialtone.identity.boundary.notices;

import io.dialtone.identity.control.NoticeCentre;
import io.dialtone.platform.boundary.Messages;
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
 * {@code /notices/index.xhtml}: the signed-in user's notice centre, newest first, each marked read
 * one by one or all at once. {@link NoticeCentre} reads the session's user only.
 */
@Named
@ViewScoped
public class NoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient NoticeCentre centre;
  @Inject transient NoticeBell bell;

  private List<NoticeRow> rows;

  @PostConstruct
  void load() {
    rows = centre.mine().stream().map(NoticeRow::of).toList();
  }

  public void markRead(long id) {
    centre.markRead(id);
    bell.refresh();
    load();
  }

  public void markAllRead() {
    int marked = centre.markAllRead();
    bell.refresh();
    Messages.addGlobalInfo("notices.allMarked", marked);
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

  public boolean isAnyUnread() {
    return rows.stream().anyMatch(NoticeRow::unread);
  }
}
