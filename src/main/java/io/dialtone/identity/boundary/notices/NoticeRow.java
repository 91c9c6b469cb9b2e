package io.dialtone.identity.boundary.notices;

import io.dialtone.notification.entity.PortalNotice;
import java.io.Serializable;
import java.time.Instant;

/** One notice of the notice centre as the page lists it. */
public record NoticeRow(long id, Instant createdAt, String subject, String body, boolean unread)
    implements Serializable {

  static NoticeRow of(PortalNotice notice) {
    return new NoticeRow(
        notice.getId(),
        notice.getCreatedAt(),
        notice.getSubject(),
        notice.getBody(),
        notice.isUnread());
  }
}
