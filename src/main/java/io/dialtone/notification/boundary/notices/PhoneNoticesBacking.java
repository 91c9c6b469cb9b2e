package io.dialtone.notification.boundary.notices;

import io.dialtone.notification.control.NoticeCategory;
import io.dialtone.notification.control.NoticeCentre;
import io.dialtone.notification.control.NoticeFilter;
import io.dialtone.notification.control.NoticeView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /WEB-INF/includes/phoneNotices.xhtml}: the signed-in user's unread notices from the phone
 * system (devices offline, password guessing, bans, new SIP secrets), on the pages that include it;
 * dismissing one marks it read, by its recipient only. The notice page lists them all.
 */
@Named
@ViewScoped
public class PhoneNoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient NoticeCentre centre;
  @Inject transient NoticeBell bell;

  private List<NoticeView> rows;

  @PostConstruct
  void load() {
    rows = centre.mine(NoticeFilter.unread(NoticeCategory.PHONES));
  }

  public void dismiss(long id) {
    centre.markRead(id);
    bell.refresh();
    load();
  }

  public List<NoticeView> getRows() {
    return rows;
  }
}
