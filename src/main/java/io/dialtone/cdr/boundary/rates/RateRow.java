package io.dialtone.cdr.boundary.rates;

import io.dialtone.cdr.entity.Rate;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A rate as the deck table shows it (pages show its dates in the viewer's zone). */
public record RateRow(
    String prefix,
    String description,
    BigDecimal price,
    String currency,
    String increment,
    Instant from,
    Instant to)
    implements Serializable {

  static RateRow of(Rate r) {
    return new RateRow(
        r.getPrefix(),
        r.getDescription(),
        r.getPricePerMinute().amount(),
        r.getCurrency(),
        r.getIncrement().toString(),
        r.getEffectiveFrom(),
        r.getEffectiveTo());
  }
}
