package io.dialtone.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Times on pages, for the {@code dt:time} tag: in the viewer's zone ({@link ViewerZone}) and
 * language, relative when recent. It notes that the page showed a time, so the layout names the
 * zone once, below the content.
 */
@Named("localTime")
@RequestScoped
public class PageTimes {

  @Inject ViewerZone zone;
  @Inject Clock clock;

  private boolean used;

  /** Date and time; {@code style} {@code "date"} for the day alone, {@code "seconds"} with them. */
  public String format(Object value, String style) {
    used = true;
    return switch (style == null ? "" : style) {
      case "date" -> TimeTexts.date(value, zone.get(), locale());
      case "seconds" -> TimeTexts.dateTime(value, zone.get(), locale(), FormatStyle.MEDIUM);
      default -> TimeTexts.dateTime(value, zone.get(), locale(), FormatStyle.SHORT);
    };
  }

  /** "5 min ago", "in 2 hours" within a day of now, else the date and time. */
  public String relative(Object value) {
    used = true;
    return TimeTexts.relative(
        value, clock.instant(), zone.get(), locale(), (key, amount) -> Messages.text(key, amount));
  }

  /** The full date and time with seconds, for the tooltip of a relative time. */
  public String full(Object value) {
    return TimeTexts.dateTime(value, zone.get(), locale(), FormatStyle.MEDIUM);
  }

  public String iso(Object value) {
    return TimeTexts.iso(value, zone.get());
  }

  /** Whether this page showed a time (the layout then names the zone). */
  public boolean isUsed() {
    return used;
  }

  /** The zone's id, e.g. {@code America/Toronto}. */
  public String getZoneId() {
    return zone.get().getId();
  }

  /** The zone's name in the viewer's language, e.g. "Eastern Time". */
  public String getZoneName() {
    return zone.get().getDisplayName(TextStyle.FULL, locale());
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
