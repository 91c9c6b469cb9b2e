package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.Verdict;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the SIP side knows about one call attempt when it ends (or is refused), as handed to {@code
 * CallRecorder.record}. The cost is not part of it: the recorder rates the call. Invariants: a call
 * is answered exactly when it has an answer time, blocked exactly when it has a block reason (a
 * rule whose verdict is BLOCK); times are in order; billable seconds are those from answer to end.
 * Times are kept to the microsecond, as stored.
 *
 * @param extension the account's extension on the call, or {@code null} (a DID without one)
 * @param remoteDigits digits of the other party (the callee of an outbound or internal call, the
 *     caller of an inbound one), for the number prefix search
 * @param country ISO 3166 region of the other party, or {@code null}
 * @param blockRuleId the stored rule that blocked (see {@link Decision#ruleId()}), or {@code null}
 * @param trunk the trunk that carried the call, or {@code null}
 * @param hangupSide who ended an answered call (the name of call control's hang-up side: {@code
 *     CALLER}, {@code CALLEE}, {@code MAX_DURATION}, {@code SYSTEM}), or {@code null}
 * @param sipStatus the attempt's final SIP status (200, 486 ...), or 0 when none was given
 * @param way an inbound or internal call's way to its extension and beyond (DID, the extension
 *     meant, the one that answered, the continuity reason and where the call went), or {@code null}
 */
public record CallRecord(
    AccountId accountId,
    ExtensionNumber extension,
    Direction direction,
    String caller,
    String callee,
    String remoteDigits,
    DestinationClass destination,
    String country,
    Instant start,
    Instant answer,
    Instant end,
    int billsec,
    Disposition disposition,
    DecidingRule blockReason,
    Long blockRuleId,
    String trunk,
    List<TrunkAttempt> trunkAttempts,
    String callId,
    String hangupSide,
    int sipStatus,
    InboundWay way) {

  public static final int PARTY_MAX = 32;

  /** What the phone is answered when a rule or a cap blocks its call: 403 Forbidden. */
  public static final int BLOCKED_STATUS = 403;

  public static final int CALL_ID_MAX = 128;
  private static final Pattern PARTY = Pattern.compile("[\\x21-\\x7e]{1," + PARTY_MAX + "}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{0,16}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7e]{1," + CALL_ID_MAX + "}");

  private static final Pattern HANGUP = Pattern.compile("[A-Z_]{1,16}");

  /** A record without an inbound call's way (outbound, internal and generated records). */
  public CallRecord(
      AccountId accountId,
      ExtensionNumber extension,
      Direction direction,
      String caller,
      String callee,
      String remoteDigits,
      DestinationClass destination,
      String country,
      Instant start,
      Instant answer,
      Instant end,
      int billsec,
      Disposition disposition,
      DecidingRule blockReason,
      Long blockRuleId,
      String trunk,
      List<TrunkAttempt> trunkAttempts,
      String callId,
      String hangupSide,
      int sipStatus) {
    this(
        accountId,
        extension,
        direction,
        caller,
        callee,
        remoteDigits,
        destination,
        country,
        start,
        answer,
        end,
        billsec,
        disposition,
        blockReason,
        blockRuleId,
        trunk,
        trunkAttempts,
        callId,
        hangupSide,
        sipStatus,
        null);
  }

  /** A record without hang-up side and final status (generated and imported records). */
  public CallRecord(
      AccountId accountId,
      ExtensionNumber extension,
      Direction direction,
      String caller,
      String callee,
      String remoteDigits,
      DestinationClass destination,
      String country,
      Instant start,
      Instant answer,
      Instant end,
      int billsec,
      Disposition disposition,
      DecidingRule blockReason,
      Long blockRuleId,
      String trunk,
      List<TrunkAttempt> trunkAttempts,
      String callId) {
    this(
        accountId,
        extension,
        direction,
        caller,
        callee,
        remoteDigits,
        destination,
        country,
        start,
        answer,
        end,
        billsec,
        disposition,
        blockReason,
        blockRuleId,
        trunk,
        trunkAttempts,
        callId,
        null,
        0);
  }

  public CallRecord {
    require(hangupSide == null || HANGUP.matcher(hangupSide).matches(), "hang-up side");
    require(sipStatus == 0 || sipStatus >= 100 && sipStatus <= 699, "SIP status");
    Objects.requireNonNull(accountId);
    Objects.requireNonNull(direction);
    Objects.requireNonNull(destination);
    Objects.requireNonNull(disposition);
    require(caller != null && PARTY.matcher(caller).matches(), "caller");
    require(callee != null && PARTY.matcher(callee).matches(), "callee");
    require(remoteDigits != null && DIGITS.matcher(remoteDigits).matches(), "remote digits");
    require(country == null || COUNTRY.matcher(country).matches(), "country");
    require(callId != null && CALL_ID.matcher(callId).matches(), "call id");
    start = Objects.requireNonNull(start).truncatedTo(ChronoUnit.MICROS);
    end = Objects.requireNonNull(end).truncatedTo(ChronoUnit.MICROS);
    answer = answer == null ? null : answer.truncatedTo(ChronoUnit.MICROS);
    require(!end.isBefore(start), "end before start");
    require((disposition == Disposition.ANSWERED) == (answer != null), "answer time");
    require(answer == null || !answer.isBefore(start) && !end.isBefore(answer), "answer time");
    require(billsec == (answer == null ? 0 : Duration.between(answer, end).toSeconds()), "billsec");
    require(
        (disposition == Disposition.BLOCKED)
            == (blockReason != null && blockReason.verdict() == Verdict.BLOCK),
        "block reason");
    require(blockReason != null || blockRuleId == null, "block rule");
    trunkAttempts = List.copyOf(trunkAttempts == null ? List.of() : trunkAttempts);
    TrunkAttempt.encode(trunkAttempts); // fits the column
    require(trunk == null || trunk.length() <= TrunkAttempt.TRUNK_MAX, "trunk");
  }

  /**
   * The attempt an extension made and the call policy refused: no trunk, no duration, the deciding
   * rule and its stored rule id as the reason.
   */
  public static CallRecord blocked(
      AccountId accountId,
      ExtensionNumber extension,
      String caller,
      String dialled,
      Decision decision,
      Instant at,
      String callId) {
    if (decision.allowed()) {
      throw new IllegalArgumentException("the decision allowed the call");
    }
    Classification c = decision.classification();
    String callee = c.hasNumber() ? c.number().value() : printable(dialled);
    return new CallRecord(
        accountId,
        extension,
        Direction.OUTBOUND,
        caller,
        callee,
        digitsOf(callee),
        c.destination(),
        region(c.country()),
        at,
        null,
        at,
        0,
        Disposition.BLOCKED,
        decision.rule(),
        decision.ruleId(),
        null,
        List.of(),
        callId,
        null,
        BLOCKED_STATUS);
  }

  /** The extension's digits as stored, {@code ""} for none. */
  public String extensionDigits() {
    return extension == null ? "" : extension.digits();
  }

  /** The digits of {@code party} (at most 16), for {@link #remoteDigits}. */
  public static String digitsOf(String party) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < party.length() && digits.length() < 16; i++) {
      char ch = party.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits.append(ch);
      }
    }
    return digits.toString();
  }

  /** An ISO 3166 region, or null for none and for libphonenumber's non-geographic "001". */
  public static String region(String country) {
    return country != null && COUNTRY.matcher(country).matches() ? country : null;
  }

  private static String printable(String dialled) {
    String kept = dialled == null ? "" : dialled.replaceAll("[^\\x21-\\x7e]", "");
    kept = kept.length() > PARTY_MAX ? kept.substring(0, PARTY_MAX) : kept;
    return kept.isEmpty() ? "?" : kept;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("invalid call record: " + what);
    }
  }
}
