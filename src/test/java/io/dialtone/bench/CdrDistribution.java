package io.dialtone.bench;

import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import io.dialtone.cdr.control.TrunkAttempt;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic, deterministic call records of one account (same seed, same calls): business hours in
 * the account's time zone (weekdays 9-17 heavy, weekends light), 45 % outbound / 43 % inbound / 12
 * % internal; outbound local 55 %, national 28 %, international 6 %, toll-free 9 %, premium 1.8 %,
 * emergency 0.2 %; about 70 % answered, 17 % no answer, 7 % busy, 5 % failed; about 1 % of all
 * attempts blocked (premium almost always, some international, a few usage caps); talk time
 * exponential with a 150 s mean; outbound answered calls on one of four trunks, 5 % after a
 * failover. Costs are not set here: the generator rates the calls like {@code CallRecorder}.
 */
public final class CdrDistribution {

  /** Relative call volume per local hour of the day. */
  static final int[] HOUR_WEIGHTS = {
    1, 1, 1, 1, 1, 1, 1, 2, 5, 9, 10, 10, 6, 9, 10, 10, 8, 5, 3, 2, 1, 1, 1, 1
  };

  private static final String[] TRUNKS = {"sbc-mtl-1", "sbc-mtl-2", "sbc-tor-1", "carrier-b"};

  /** Long-distance area codes: the first eight in the US, the others in Canada. */
  private static final String[] NATIONAL = {
    "212", "646", "310", "415", "312", "617", "305", "202", "416", "604", "403", "902", "780", "506"
  };

  private static final String[] COUNTRIES = {
    "GB", "GB", "GB", "GB", "GB", "FR", "FR", "DE", "DE", "IN", "IN", "MX", "MX", "PH", "CN", "IT",
    "ES", "BR", "HT", "MA"
  };

  private final long accountId;
  private final ZoneId zone;
  private final String areaCode;
  private final int extensions;
  private final long seed;

  public CdrDistribution(long accountId, ZoneId zone, String areaCode, int extensions, long seed) {
    this.accountId = accountId;
    this.zone = zone;
    this.areaCode = areaCode;
    this.extensions = extensions;
    this.seed = seed;
  }

  /** {@code n} calls started in {@code [from, to)}, in start order. */
  public List<CallRecord> calls(int n, Instant from, Instant to) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + accountId);
    long[] starts = starts(random, n, from, to);
    CallRecord[] calls = new CallRecord[n];
    for (int i = 0; i < n; i++) {
      calls[i] = call(random, i, Instant.ofEpochSecond(0, 0).plusNanos(starts[i] * 1000));
    }
    return Arrays.asList(calls);
  }

  /** Start times in microseconds since the epoch, sorted; weighted by local day and hour. */
  private long[] starts(SplittableRandom random, int n, Instant from, Instant to) {
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    double[] cumulative = new double[days * 24];
    double total = 0;
    for (int d = 0; d < days; d++) {
      DayOfWeek dow = first.plusDays(d).getDayOfWeek();
      double dayWeight = dow == DayOfWeek.SATURDAY ? 0.25 : dow == DayOfWeek.SUNDAY ? 0.15 : 1.0;
      for (int h = 0; h < 24; h++) {
        total += dayWeight * HOUR_WEIGHTS[h];
        cumulative[d * 24 + h] = total;
      }
    }
    long fromMicros = from.getEpochSecond() * 1_000_000L + from.getNano() / 1000;
    long toMicros = to.getEpochSecond() * 1_000_000L + to.getNano() / 1000;
    long[] starts = new long[n];
    for (int i = 0; i < n; i++) {
      long t;
      do {
        int slot = Arrays.binarySearch(cumulative, random.nextDouble() * total);
        slot = slot < 0 ? -slot - 1 : slot;
        ZonedDateTime hour = first.plusDays(slot / 24).atStartOfDay(zone).plusHours(slot % 24);
        t = hour.toEpochSecond() * 1_000_000L + random.nextLong(3_600_000_000L);
      } while (t < fromMicros || t >= toMicros);
      starts[i] = t;
    }
    Arrays.sort(starts);
    return starts;
  }

  private CallRecord call(SplittableRandom r, int sequence, Instant start) {
    String extension = String.valueOf(100 + r.nextInt(extensions));
    String did =
        "+1" + areaCode + (2_000_000 + (accountId * 7919 + extension.hashCode()) % 8_000_000);
    int dr = r.nextInt(1000);
    Direction direction =
        dr < 450 ? Direction.OUTBOUND : dr < 880 ? Direction.INBOUND : Direction.INTERNAL;
    DestinationClass destination;
    String remote;
    String country;
    if (direction == Direction.INTERNAL) {
      destination = DestinationClass.INTERNAL;
      remote = String.valueOf(100 + r.nextInt(extensions));
      country = null;
    } else {
      int cr = r.nextInt(1000);
      destination = direction == Direction.OUTBOUND ? outboundClass(cr) : inboundClass(cr);
      String[] party = remote(r, destination);
      remote = party[0];
      country = party[1];
    }
    String callId = Long.toHexString(seed) + "-" + accountId + "-" + sequence + "@10.20.0.5";
    String caller =
        direction == Direction.OUTBOUND ? did : direction == Direction.INBOUND ? remote : extension;
    String callee =
        direction == Direction.OUTBOUND ? remote : direction == Direction.INBOUND ? did : remote;
    DecidingRule block = direction == Direction.OUTBOUND ? blocked(r, destination) : null;
    if (block != null) {
      return new CallRecord(
          AccountId.of(accountId),
          ExtensionNumber.parse(extension).orElse(null),
          direction,
          caller,
          callee,
          CallRecord.digitsOf(remote),
          destination,
          country,
          start,
          null,
          start,
          0,
          Disposition.BLOCKED,
          block,
          block == DecidingRule.USAGE_LIMIT ? null : 1L + r.nextInt(500),
          null,
          List.of(),
          callId);
    }
    int disp = r.nextInt(1000);
    if (destination == DestinationClass.EMERGENCY) {
      disp = 0;
    }
    Disposition disposition =
        disp < 710
            ? Disposition.ANSWERED
            : disp < 880
                ? Disposition.NO_ANSWER
                : disp < 950 ? Disposition.BUSY : Disposition.FAILED;
    int ring = 2 + r.nextInt(20);
    Instant answer = disposition == Disposition.ANSWERED ? start.plusSeconds(ring) : null;
    int billsec =
        answer == null
            ? 0
            : (int) Math.min(7200, 1 + Math.floor(-Math.log(1 - r.nextDouble()) * 150));
    Instant end =
        answer != null
            ? answer.plusSeconds(billsec)
            : start.plusSeconds(disposition == Disposition.NO_ANSWER ? 30 : ring % 4);
    String trunk = null;
    List<TrunkAttempt> attempts = List.of();
    if (direction == Direction.OUTBOUND && destination != DestinationClass.EMERGENCY) {
      int t = r.nextInt(TRUNKS.length);
      int status =
          disposition == Disposition.ANSWERED
              ? 200
              : disposition == Disposition.BUSY
                  ? 486
                  : disposition == Disposition.NO_ANSWER ? 480 : 503;
      trunk = TRUNKS[t];
      attempts =
          r.nextInt(100) < 5
              ? List.of(
                  new TrunkAttempt(TRUNKS[(t + 1) % TRUNKS.length], 503),
                  new TrunkAttempt(trunk, status))
              : List.of(new TrunkAttempt(trunk, status));
    }
    return new CallRecord(
        AccountId.of(accountId),
        ExtensionNumber.parse(extension).orElse(null),
        direction,
        caller,
        callee,
        CallRecord.digitsOf(remote),
        destination,
        country,
        start,
        answer,
        end,
        billsec,
        disposition,
        null,
        null,
        trunk,
        attempts,
        callId);
  }

  private static DestinationClass outboundClass(int cr) {
    return cr < 550
        ? DestinationClass.LOCAL
        : cr < 830
            ? DestinationClass.NATIONAL
            : cr < 890
                ? DestinationClass.INTERNATIONAL
                : cr < 980
                    ? DestinationClass.TOLL_FREE
                    : cr < 998 ? DestinationClass.PREMIUM : DestinationClass.EMERGENCY;
  }

  private static DestinationClass inboundClass(int cr) {
    return cr < 700
        ? DestinationClass.LOCAL
        : cr < 970 ? DestinationClass.NATIONAL : DestinationClass.INTERNATIONAL;
  }

  /**
   * Blocked: premium 95 %, international 10 %, anything else 0.3 % (usage caps, blocked numbers).
   */
  private static DecidingRule blocked(SplittableRandom r, DestinationClass destination) {
    int p = r.nextInt(1000);
    return switch (destination) {
      case EMERGENCY -> null;
      case PREMIUM -> p < 950 ? DecidingRule.PREMIUM_BLOCKED : null;
      case INTERNATIONAL ->
          p < 60
              ? DecidingRule.COUNTRY_NOT_ALLOWED
              : p < 100 ? DecidingRule.PLATFORM_BLOCKED_RANGE : null;
      default -> p < 2 ? DecidingRule.USAGE_LIMIT : p < 3 ? DecidingRule.BLOCKED_NUMBER : null;
    };
  }

  private String[] remote(SplittableRandom r, DestinationClass destination) {
    String d7 = String.valueOf(2_000_000 + r.nextInt(8_000_000));
    return switch (destination) {
      case LOCAL -> new String[] {"+1" + areaCode + d7, "CA"};
      case NATIONAL -> {
        int i = r.nextInt(NATIONAL.length);
        yield new String[] {"+1" + NATIONAL[i] + d7, i < 8 ? "US" : "CA"};
      }
      case TOLL_FREE -> new String[] {"+1800" + d7, "US"};
      case PREMIUM -> new String[] {"+1900" + d7, "US"};
      case EMERGENCY -> new String[] {"911", null};
      default -> {
        String c = COUNTRIES[r.nextInt(COUNTRIES.length)];
        yield new String[] {international(c, d7, r), c};
      }
    };
  }

  private static String international(String country, String d7, SplittableRandom r) {
    String d2 = String.format("%02d", r.nextInt(100));
    return switch (country) {
      case "GB" -> "+447" + d7 + d2.charAt(0);
      case "FR" -> "+336" + d7 + d2.charAt(0);
      case "DE" -> "+4915" + d7 + d2.charAt(0);
      case "IN" -> "+919" + d7 + d2;
      case "MX" -> "+5255" + d7 + d2.charAt(0);
      case "PH" -> "+639" + d7 + d2;
      case "CN" -> "+8613" + d7 + d2;
      case "IT" -> "+393" + d7 + d2;
      case "ES" -> "+346" + d7 + d2.charAt(0);
      case "BR" -> "+5511" + d7 + d2;
      case "HT" -> "+5093" + d7;
      default -> "+2126" + d7 + d2.charAt(0);
    };
  }
}
