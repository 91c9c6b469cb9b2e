package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DestinationClass;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CDR page's filter as a user saves it: the account, a range either relative ({@code lastDays}:
 * the last N days up to today, so a saved "last 7 days" stays useful) or fixed ({@code from..to},
 * inclusive calendar days), and the optional narrowing. Encoded as {@code key=value} pairs joined
 * by {@code ;} (values are digits, ISO dates, enum names or E.164 digits: never a separator).
 */
public record SavedCriteria(
    Long accountId,
    Integer lastDays,
    LocalDate from,
    LocalDate to,
    String extension,
    Direction direction,
    Disposition disposition,
    DestinationClass destination,
    String country,
    String numberPrefix,
    Integer minSeconds)
    implements Serializable {

  public String encode() {
    StringJoiner text = new StringJoiner(";");
    put(text, "account", accountId);
    put(text, "days", lastDays);
    put(text, "from", from);
    put(text, "to", to);
    put(text, "ext", extension);
    put(text, "dir", direction == null ? null : direction.name());
    put(text, "disp", disposition == null ? null : disposition.name());
    put(text, "class", destination == null ? null : destination.name());
    put(text, "country", country);
    put(text, "prefix", numberPrefix);
    put(text, "min", minSeconds);
    return text.toString();
  }

  /** The criteria of {@link #encode()}'s text; {@link IllegalArgumentException} when malformed. */
  public static SavedCriteria decode(String text) {
    Map<String, String> v = new LinkedHashMap<>();
    if (!text.isEmpty()) {
      for (String pair : text.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 1 || !pair.substring(eq + 1).matches("[A-Za-z0-9_-]{1,40}")) {
          throw new IllegalArgumentException("malformed criteria");
        }
        v.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    try {
      return new SavedCriteria(
          v.containsKey("account") ? Long.valueOf(v.get("account")) : null,
          v.containsKey("days") ? Integer.valueOf(v.get("days")) : null,
          v.containsKey("from") ? LocalDate.parse(v.get("from")) : null,
          v.containsKey("to") ? LocalDate.parse(v.get("to")) : null,
          v.get("ext"),
          v.containsKey("dir") ? Direction.valueOf(v.get("dir")) : null,
          v.containsKey("disp") ? Disposition.valueOf(v.get("disp")) : null,
          v.containsKey("class") ? DestinationClass.valueOf(v.get("class")) : null,
          v.get("country"),
          v.get("prefix"),
          v.containsKey("min") ? Integer.valueOf(v.get("min")) : null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed criteria", e);
    }
  }

  private static void put(StringJoiner text, String key, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      text.add(key + "=" + value);
    }
  }
}
