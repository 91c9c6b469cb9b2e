package io.dialtone.usage.boundary;

import io.dialtone.usage.entity.UsageNotice;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A portal notice as a row; the page renders {@code UsageNoticeKind.<kind>} with the values. */
public record NoticeRow(LocalDateTime when, String kind, String cap, String amount, String detail)
    implements Serializable {

  static NoticeRow of(UsageNotice n) {
    return new NoticeRow(
        LocalDateTime.ofInstant(n.getCreatedAt(), ZoneOffset.UTC),
        n.getKind().name(),
        n.getCap().name(),
        n.getAmount() == null ? "" : n.getAmount(),
        n.getDetail() == null ? "" : n.getDetail());
  }
}
