package io.dialtone.notification.boundary.notices;

import io.dialtone.notification.control.NoticeCategory;
import io.dialtone.notification.control.NoticeCentre;
import io.dialtone.notification.control.NoticeFilter;
import io.dialtone.notification.control.NoticeFilter.ReadState;
import io.dialtone.notification.control.NoticeView;
import io.dialtone.platform.boundary.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /notices/index.xhtml}: every notice of the signed-in user, from every component, newest
 * first, filtered by category, read state and first day; each marked read one by one or all at
 * once. {@link NoticeCentre} reads the session's user only.
 */
@Named
@ViewScoped
public class NoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient NoticeCentre centre;
  @Inject transient NoticeBell bell;

  private NoticeCategory category;
  private ReadState state = ReadState.ALL;
  private LocalDate since;
  private List<NoticeView> rows;

  @PostConstruct
  void load() {
    rows = centre.mine(new NoticeFilter(category, state, since));
  }

  /** Shows the notices the filter lets through. */
  public void filter() {
    load();
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

  public List<NoticeView> getRows() {
    return rows;
  }

  public boolean isAnyUnread() {
    return rows.stream().anyMatch(NoticeView::unread);
  }

  public NoticeCategory[] getCategories() {
    return NoticeCategory.values();
  }

  public ReadState[] getStates() {
    return ReadState.values();
  }

  public NoticeCategory getCategory() {
    return category;
  }

  public void setCategory(NoticeCategory category) {
    this.category = category;
  }

  public ReadState getState() {
    return state;
  }

  public void setState(ReadState state) {
    this.state = state == null ? ReadState.ALL : state;
  }

  public LocalDate getSince() {
    return since;
  }

  public void setSince(LocalDate since) {
    this.since = since;
  }
}
