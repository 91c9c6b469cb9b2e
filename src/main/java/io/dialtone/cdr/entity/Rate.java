package io.dialtone.cdr.entity;

import io.dialtone.kernel.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the rate deck: what a minute to numbers starting with {@link #getPrefix()} costs,
 * billed in {@link #getIncrement()} blocks, from {@code effectiveFrom} (inclusive) until {@code
 * effectiveTo} (exclusive, open when {@code null}). Immutable once built.
 */
@Entity
@Table(name = "rate")
@NamedQuery(name = Rate.LIST_ALL, query = "SELECT r FROM Rate r ORDER BY r.prefix, r.effectiveFrom")
@NamedQuery(name = Rate.DELETE_ALL, query = "DELETE FROM Rate r")
public class Rate {

  public static final String LIST_ALL = "Rate.listAll";
  public static final String DELETE_ALL = "Rate.deleteAll";
  public static final int PREFIX_MAX = 16;
  public static final int DESCRIPTION_MAX = 100;

  /** Cost is kept to five decimals (DECIMAL(12,5)), rounded half up. */
  public static final int COST_SCALE = 5;

  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = PREFIX_MAX)
  private String prefix;

  @Column(length = DESCRIPTION_MAX)
  private String description;

  @Column(name = "price_per_minute", nullable = false, precision = 10, scale = 5)
  private BigDecimal pricePerMinute;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "first_increment", nullable = false)
  private int firstIncrement;

  @Column(name = "next_increment", nullable = false)
  private int nextIncrement;

  @Column(name = "effective_from", nullable = false)
  private Instant effectiveFrom;

  @Column(name = "effective_to")
  private Instant effectiveTo;

  protected Rate() {}

  public Rate(
      String prefix,
      String description,
      Money pricePerMinute,
      BillingIncrement increment,
      Instant effectiveFrom,
      Instant effectiveTo) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a prefix is + and 1 to 15 digits");
    }
    if (pricePerMinute.amount().signum() < 0 || pricePerMinute.amount().scale() > 5) {
      throw new IllegalArgumentException("price");
    }
    Objects.requireNonNull(effectiveFrom);
    if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
      throw new IllegalArgumentException("effective to must be after effective from");
    }
    if (description != null && description.length() > DESCRIPTION_MAX) {
      throw new IllegalArgumentException("description");
    }
    this.prefix = prefix;
    this.description = description;
    this.pricePerMinute = pricePerMinute.amount();
    this.currency = pricePerMinute.currencyCode();
    this.firstIncrement = increment.first();
    this.nextIncrement = increment.next();
    this.effectiveFrom = effectiveFrom.truncatedTo(ChronoUnit.MICROS);
    this.effectiveTo = effectiveTo == null ? null : effectiveTo.truncatedTo(ChronoUnit.MICROS);
  }

  /** Whether this rate applies at {@code at}. */
  public boolean isEffectiveAt(Instant at) {
    return !at.isBefore(effectiveFrom) && (effectiveTo == null || at.isBefore(effectiveTo));
  }

  /** What {@code billsec} billable seconds cost at this rate. */
  public Money cost(long billsec) {
    long billed = getIncrement().billedSeconds(billsec);
    BigDecimal amount =
        pricePerMinute
            .multiply(BigDecimal.valueOf(billed))
            .divide(SIXTY, COST_SCALE, RoundingMode.HALF_UP);
    return Money.of(amount, currency);
  }

  /** The prefix's digits without the {@code +}. */
  public String digits() {
    return prefix.substring(1);
  }

  public Long getId() {
    return id;
  }

  public String getPrefix() {
    return prefix;
  }

  public String getDescription() {
    return description;
  }

  public Money getPricePerMinute() {
    return Money.of(pricePerMinute, currency);
  }

  public String getCurrency() {
    return currency;
  }

  public BillingIncrement getIncrement() {
    return new BillingIncrement(firstIncrement, nextIncrement);
  }

  public Instant getEffectiveFrom() {
    return effectiveFrom;
  }

  public Instant getEffectiveTo() {
    return effectiveTo;
  }
}
