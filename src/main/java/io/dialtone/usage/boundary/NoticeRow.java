package io.dialtone.usage.boundary;

import io.dialtone.usage.entity.UsageCap;
import io.dialtone.usage.entity.UsageNotice;
import io.dialtone.usage.entity.UsageNoticeKind;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A portal notice as a row; the page formats the label of its kind with the values. */
public record NoticeRow(
    LocalDateTime when, UsageNoticeKind kind, UsageCap cap, String amount, String detail)
    implements Serializable {

  static NoticeRow of(UsageNotice n) {
    return new NoticeRow(
        LocalDateTime.ofInstant(n.getCreatedAt(), ZoneOffset.UTC),
        n.getKind(),
        n.getCap(),
        n.getAmount() == null ? "" : n.getAmount(),
        n.getDetail() == null ? "" : n.getDetail());
  }
}
