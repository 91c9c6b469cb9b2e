package io.dialtone.sip.boundary;

import io.dialtone.sip.entity.SipNotice;
import io.dialtone.sip.entity.SipNoticeKind;
import java.io.Serializable;
import java.time.Instant;

/** A portal notice from the registrar as the pages list it. */
public record NoticeRow(
    long id, SipNoticeKind kind, String subject, String detail, Instant occurredAt)
    implements Serializable {

  static NoticeRow of(SipNotice notice) {
    return new NoticeRow(
        notice.getId(),
        notice.getKind(),
        notice.getSubject(),
        notice.getDetail() == null ? "" : notice.getDetail(),
        notice.getOccurredAt());
  }
}
