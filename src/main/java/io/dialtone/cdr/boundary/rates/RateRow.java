package io.dialtone.cdr.boundary.rates;

import io.dialtone.cdr.entity.Rate;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/** A rate as the deck table shows it: dates as ISO 8601 UTC, as in the uploaded file. */
public record RateRow(
    String prefix,
    String description,
    BigDecimal price,
    String currency,
    String increment,
    String from,
    String to)
    implements Serializable {

  static RateRow of(Rate r) {
    return new RateRow(
        r.getPrefix(),
        r.getDescription(),
        r.getPricePerMinute().amount(),
        r.getCurrency(),
        r.getIncrement().toString(),
        DateTimeFormatter.ISO_INSTANT.format(r.getEffectiveFrom()),
        r.getEffectiveTo() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(r.getEffectiveTo()));
  }
}
