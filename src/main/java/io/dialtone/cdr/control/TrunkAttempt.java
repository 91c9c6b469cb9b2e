package io.dialtone.cdr.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One try of a carrier trunk for an outbound call, with the SIP final status it answered (503, 200
 * ...) and, when call control gave it, how long after the call's start that answer came ({@code
 * null}: not known). Stored compactly in {@code cdr.trunk_attempts} as {@code trunk=status} pairs
 * (with {@code @milliseconds} when the time is known) separated by commas, in the order tried: read
 * only on a call's detail, never filtered on, so a child table (and its join and partitions) would
 * buy nothing. When the times would not fit the column they are left out, never the attempts.
 */
public record TrunkAttempt(String trunk, int sipStatus, Duration after) {

  public static final int TRUNK_MAX = 32;
  public static final int COLUMN_MAX = 255;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + TRUNK_MAX + "}");

  /** An attempt whose time is not known. */
  public TrunkAttempt(String trunk, int sipStatus) {
    this(trunk, sipStatus, null);
  }

  public TrunkAttempt {
    if (trunk == null || !NAME.matcher(trunk).matches()) {
      throw new IllegalArgumentException("trunk names are letters, digits, '.', '_' or '-'");
    }
    if (sipStatus < 100 || sipStatus > 699) {
      throw new IllegalArgumentException("not a SIP status");
    }
    if (after != null && after.isNegative()) {
      throw new IllegalArgumentException("an attempt cannot end before the call starts");
    }
  }

  /** The stored form of {@code attempts}, or {@code null} when there are none. */
  public static String encode(List<TrunkAttempt> attempts) {
    if (attempts.isEmpty()) {
      return null;
    }
    String timed = text(attempts, true);
    if (timed.length() <= COLUMN_MAX) {
      return timed;
    }
    String plain = text(attempts, false);
    if (plain.length() > COLUMN_MAX) {
      throw new IllegalArgumentException("too many trunk attempts to store");
    }
    return plain;
  }

  private static String text(List<TrunkAttempt> attempts, boolean withTimes) {
    StringBuilder text = new StringBuilder();
    for (TrunkAttempt a : attempts) {
      if (!text.isEmpty()) {
        text.append(',');
      }
      text.append(a.trunk).append('=').append(a.sipStatus);
      if (withTimes && a.after != null) {
        text.append('@').append(a.after.toMillis());
      }
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
      int at = pair.indexOf('@', eq);
      String status = at < 0 ? pair.substring(eq + 1) : pair.substring(eq + 1, at);
      Duration after = at < 0 ? null : Duration.ofMillis(Long.parseLong(pair.substring(at + 1)));
      attempts.add(new TrunkAttempt(pair.substring(0, eq), Integer.parseInt(status), after));
    }
    return attempts;
  }
}
