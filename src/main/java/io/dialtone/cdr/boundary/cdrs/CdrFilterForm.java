package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.CdrNumberPrefix;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.SavedCriteria;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The filter form of the CDR page: the date range (calendar days in the account's time zone) and
 * the optional narrowing, as typed; {@link #toFilter} makes the list's {@link CdrFilter} of it,
 * {@link #criteria} and {@link #fill} go to and from a saved filter.
 */
public class CdrFilterForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private LocalDate from;
  private LocalDate to;
  private String extension;
  private Direction direction;
  private Disposition disposition;
  private DestinationClass destination;
  private String country;
  private String numberPrefix;
  private Integer minSeconds;

  /**
   * Completes an empty range with the last {@code days} days up to {@code today}; false when the
   * range runs backwards.
   */
  boolean completeRange(LocalDate today, int days) {
    if (to == null) {
      to = today;
    }
    if (from == null) {
      from = to.minusDays(days - 1L);
    }
    return !from.isAfter(to);
  }

  /** Forgets the range (the next {@link #completeRange} sets the default). */
  void clearRange() {
    from = null;
    to = null;
  }

  /** Back to no narrowing and the default range. */
  void clear() {
    clearRange();
    extension = null;
    direction = null;
    disposition = null;
    destination = null;
    country = null;
    numberPrefix = null;
    minSeconds = null;
  }

  /**
   * The filter of the form for an account of {@code zone} and {@code region} (the country that
   * national numbers are read in); {@link IllegalArgumentException} when a field is malformed.
   */
  CdrFilter toFilter(long accountId, ZoneId zone, String region) {
    return new CdrFilter(
        accountId,
        from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(),
        blankToNull(extension),
        direction,
        disposition,
        destination,
        country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT),
        CdrNumberPrefix.storedDigits(CdrNumberPrefix.typed(numberPrefix), region),
        minSeconds);
  }

  /** The form as saved criteria, relative ("the last N days") when the range ends {@code today}. */
  SavedCriteria criteria(Long accountId, LocalDate today) {
    boolean relative = to != null && from != null && to.equals(today);
    return new SavedCriteria(
        accountId,
        relative ? (int) (to.toEpochDay() - from.toEpochDay() + 1) : null,
        relative ? null : from,
        relative ? null : to,
        blankToNull(extension),
        direction,
        disposition,
        destination,
        blankToNull(country),
        CdrNumberPrefix.typed(numberPrefix),
        minSeconds);
  }

  /** Fills the form with saved criteria; a relative range ends {@code today} (when known). */
  void fill(SavedCriteria c, LocalDate today) {
    if (c.lastDays() != null && today != null) {
      to = today;
      from = to.minusDays(Math.max(1, c.lastDays()) - 1L);
    } else {
      from = c.from();
      to = c.to();
    }
    extension = c.extension();
    direction = c.direction();
    disposition = c.disposition();
    destination = c.destination();
    country = c.country();
    numberPrefix = c.numberPrefix();
    minSeconds = c.minSeconds();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public Direction getDirection() {
    return direction;
  }

  public void setDirection(Direction direction) {
    this.direction = direction;
  }

  public Disposition getDisposition() {
    return disposition;
  }

  public void setDisposition(Disposition disposition) {
    this.disposition = disposition;
  }

  public DestinationClass getDestination() {
    return destination;
  }

  public void setDestination(DestinationClass destination) {
    this.destination = destination;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getNumberPrefix() {
    return numberPrefix;
  }

  public void setNumberPrefix(String numberPrefix) {
    this.numberPrefix = numberPrefix;
  }

  public Integer getMinSeconds() {
    return minSeconds;
  }

  public void setMinSeconds(Integer minSeconds) {
    this.minSeconds = minSeconds;
  }
}
