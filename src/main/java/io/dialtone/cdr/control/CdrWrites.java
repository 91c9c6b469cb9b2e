package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.CallRecord;
import io.dialtone.cdr.entity.ClassCodes;
import io.dialtone.cdr.entity.Disposition;
import io.dialtone.cdr.entity.Money;
import io.dialtone.cdr.entity.TrunkAttempt;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * The statements that write a call record and its totals, on the caller's connection (enlisted in
 * its transaction). Times are bound as UTC {@code LocalDateTime}s, whatever the JVM's zone.
 */
final class CdrWrites {

  /** MariaDB's ER_DUP_ENTRY: the same Call-ID and start are already stored. */
  private static final int DUPLICATE_KEY = 1062;

  private static final String INSERT =
      """
      INSERT INTO cdr (account_id, extension, direction, caller, callee, remote_digits, dest_class,
        dest_country, start_time, answer_time, end_time, billsec, disposition, block_reason,
        block_rule_id, trunk, trunk_attempts, cost, currency, call_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String ACCOUNT_TOTALS =
      """
      INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec, minutes, cost)
      VALUES (?, ?, 1, ?, ?, ?, ?, ?)
      ON DUPLICATE KEY UPDATE calls = calls + 1, answered = answered + VALUES(answered),
        blocked = blocked + VALUES(blocked), billsec = billsec + VALUES(billsec),
        minutes = minutes + VALUES(minutes), cost = cost + VALUES(cost)
      """;

  private static final String EXTENSION_TOTALS =
      """
      INSERT INTO cdr_daily_extension (account_id, extension, day, calls, answered, blocked,
        billsec, minutes, cost)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)
      ON DUPLICATE KEY UPDATE calls = calls + 1, answered = answered + VALUES(answered),
        blocked = blocked + VALUES(blocked), billsec = billsec + VALUES(billsec),
        minutes = minutes + VALUES(minutes), cost = cost + VALUES(cost)
      """;

  private CdrWrites() {}

  /** Inserts the row; its id, or empty when the Call-ID and start are already stored. */
  static OptionalLong insert(Connection c, CallRecord r, Money cost, String currency)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, r.accountId());
      s.setString(2, r.extension());
      s.setInt(3, r.direction().code());
      s.setString(4, r.caller());
      s.setString(5, r.callee());
      s.setString(6, r.remoteDigits());
      s.setInt(7, ClassCodes.code(r.destination()));
      s.setString(8, r.country());
      s.setObject(9, utc(r.start()));
      s.setObject(10, r.answer() == null ? null : utc(r.answer()), Types.TIMESTAMP);
      s.setObject(11, utc(r.end()));
      s.setInt(12, r.billsec());
      s.setInt(13, r.disposition().code());
      s.setString(14, r.blockReason() == null ? null : r.blockReason().name());
      s.setObject(15, r.blockRuleId(), Types.BIGINT);
      s.setString(16, r.trunk());
      s.setString(17, TrunkAttempt.encode(r.trunkAttempts()));
      s.setBigDecimal(18, cost == null ? null : cost.amount());
      s.setString(19, currency);
      s.setString(20, r.callId());
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return OptionalLong.of(keys.getLong(1));
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == DUPLICATE_KEY) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  /** Adds the call to its account's and extension's totals of {@code day}. */
  static void addToTotals(Connection c, CallRecord r, LocalDate day, BigDecimal cost)
      throws SQLException {
    int answered = r.disposition() == Disposition.ANSWERED ? 1 : 0;
    int blocked = r.disposition() == Disposition.BLOCKED ? 1 : 0;
    long minutes = CallRecorder.minutes(r.billsec());
    try (PreparedStatement s = c.prepareStatement(ACCOUNT_TOTALS)) {
      s.setLong(1, r.accountId());
      s.setObject(2, day);
      s.setInt(3, answered);
      s.setInt(4, blocked);
      s.setLong(5, r.billsec());
      s.setLong(6, minutes);
      s.setBigDecimal(7, cost);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(EXTENSION_TOTALS)) {
      s.setLong(1, r.accountId());
      s.setString(2, r.extension());
      s.setObject(3, day);
      s.setInt(4, answered);
      s.setInt(5, blocked);
      s.setLong(6, r.billsec());
      s.setLong(7, minutes);
      s.setBigDecimal(8, cost);
      s.executeUpdate();
    }
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
