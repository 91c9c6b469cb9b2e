package io.dialtone.notification.control;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the notice page shows of the caller's notices: one category or all ({@code null}), unread,
 * read or both, and from a day on (UTC; {@code null}: since the first).
 */
public record NoticeFilter(NoticeCategory category, ReadState state, LocalDate since)
    implements Serializable {

  /** Read or unread. */
  public enum ReadState {
    ALL,
    UNREAD,
    READ
  }

  public NoticeFilter {
    state = state == null ? ReadState.ALL : state;
  }

  /** Every notice. */
  public static NoticeFilter all() {
    return new NoticeFilter(null, ReadState.ALL, null);
  }

  /** The unread notices of {@code category}. */
  public static NoticeFilter unread(NoticeCategory category) {
    return new NoticeFilter(category, ReadState.UNREAD, null);
  }
}
