package io.dialtone.usage.boundary;

import io.dialtone.usage.entity.LimitRequest;
import io.dialtone.usage.entity.LimitRequestStatus;
import io.dialtone.usage.entity.UsageCap;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A limit request as a table row: for its requester (status, comment) and for its approver
 * (account, the cap granted now).
 */
public record RequestRow(
    long id,
    String accountName,
    String accountNumber,
    UsageCap cap,
    String currentText,
    String amountText,
    String reason,
    LocalDate endsOn,
    LocalDateTime requestedAt,
    LimitRequestStatus status,
    String comment)
    implements Serializable {

  static RequestRow of(
      LimitRequest r,
      String accountName,
      String accountNumber,
      String currentText,
      String currency,
      Locale locale) {
    return new RequestRow(
        r.getId(),
        accountName,
        accountNumber,
        r.getCap(),
        currentText,
        AmountText.of(r.getCap(), r.getAmount(), currency, locale),
        r.getReason(),
        r.getEndsOn(),
        LocalDateTime.ofInstant(r.getRequestedAt(), ZoneOffset.UTC),
        r.getStatus(),
        r.getDecisionComment());
  }
}
