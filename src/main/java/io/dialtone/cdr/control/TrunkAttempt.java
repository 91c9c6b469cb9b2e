package io.dialtone.cdr.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One try of a carrier trunk for an outbound call, with the SIP final status it answered (503, 200
 * ...). Stored compactly in {@code cdr.trunk_attempts} as {@code trunk=status} pairs separated by
 * commas, in the order tried: read only on a call's detail, never filtered on, so a child table
 * (and its join and partitions) would buy nothing.
 */
public record TrunkAttempt(String trunk, int sipStatus) {

  public static final int TRUNK_MAX = 32;
  public static final int COLUMN_MAX = 255;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + TRUNK_MAX + "}");

  public TrunkAttempt {
    if (trunk == null || !NAME.matcher(trunk).matches()) {
      throw new IllegalArgumentException("trunk names are letters, digits, '.', '_' or '-'");
    }
    if (sipStatus < 100 || sipStatus > 699) {
      throw new IllegalArgumentException("not a SIP status");
    }
  }

  /** The stored form of {@code attempts}, or {@code null} when there are none. */
  public static String encode(List<TrunkAttempt> attempts) {
    if (attempts.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (TrunkAttempt a : attempts) {
      if (!text.isEmpty()) {
        text.append(',');
      }
      text.append(a.trunk).append('=').append(a.sipStatus);
    }
    if (text.length() > COLUMN_MAX) {
      throw new IllegalArgumentException("too many trunk attempts to store");
    }
    return text.toString();
  }

  /** The attempts of a stored value ({@code null} or empty: none). */
  public static List<TrunkAttempt> decode(String stored) {
    List<TrunkAttempt> attempts = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return attempts;
    }
    for (String pair : stored.split(",")) {
      int eq = pair.indexOf('=');
      attempts.add(
          new TrunkAttempt(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1))));
    }
    return attempts;
  }
}
