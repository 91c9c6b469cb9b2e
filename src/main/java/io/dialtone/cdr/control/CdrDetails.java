package io.dialtone.cdr.control;

import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.cdr.entity.ClassCodes;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of every column of a call: one by id (the detail page), or a filter's calls in keyset
 * batches, oldest first (the CSV export: each batch is one index range, so a million rows cost a
 * thousand short queries and never more than a batch in memory).
 */
final class CdrDetails {

  private static final String COLUMNS =
      """
      SELECT id, account_id, start_time, answer_time, end_time, direction, extension, caller, \
      callee, remote_digits, dest_class, dest_country, billsec, disposition, block_reason, \
      block_rule_id, trunk, trunk_attempts, cost, currency, call_id, hangup_side, sip_status, did, \
      original_target, answered_by, continuity_reason, final_destination, ring_group FROM cdr\
      """;

  private static final String BY_ID =
      """
      SELECT id, account_id, start_time, answer_time, end_time, direction, extension, caller, \
      callee, remote_digits, dest_class, dest_country, billsec, disposition, block_reason, \
      block_rule_id, trunk, trunk_attempts, cost, currency, call_id, hangup_side, sip_status, did, \
      original_target, answered_by, continuity_reason, final_destination, ring_group FROM cdr \
      WHERE id = ? AND account_id = ?\
      """;

  private CdrDetails() {}

  static Optional<CdrDetail> find(Connection c, long id, long accountId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(BY_ID)) {
      s.setLong(1, id);
      s.setLong(2, accountId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(detail(rs)) : Optional.empty();
      }
    }
  }

  /** Up to {@code limit} calls of the filter after {@code cursor}, oldest first. */
  static List<CdrDetail> batch(
      Connection c, CdrFilter f, Set<Long> only, CdrCursor cursor, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(COLUMNS);
    CdrQueries.where(sql, f, only, params);
    if (cursor != null) {
      sql.append(" AND (start_time > ? OR (start_time = ? AND id > ?))");
      params.add(CdrQueries.utc(cursor.start()));
      params.add(CdrQueries.utc(cursor.start()));
      params.add(cursor.id());
    }
    sql.append(" ORDER BY start_time ASC, id ASC LIMIT ?");
    params.add(limit);
    List<CdrDetail> rows = new ArrayList<>(limit);
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      CdrQueries.bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(detail(rs));
        }
      }
    }
    return rows;
  }

  private static CdrDetail detail(ResultSet rs) throws SQLException {
    String reason = rs.getString(15);
    long ruleId = rs.getLong(16);
    Long blockRuleId = rs.wasNull() ? null : ruleId;
    return new CdrDetail(
        rs.getLong(1),
        rs.getLong(2),
        instant(rs, 3),
        instant(rs, 4),
        instant(rs, 5),
        Direction.ofCode(rs.getInt(6)),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        ClassCodes.ofCode(rs.getInt(11)),
        rs.getString(12),
        rs.getInt(13),
        Disposition.ofCode(rs.getInt(14)),
        reason == null ? null : DecidingRule.valueOf(reason),
        blockRuleId,
        rs.getString(17),
        TrunkAttempt.decode(rs.getString(18)),
        rs.getBigDecimal(19),
        rs.getString(20),
        rs.getString(21),
        rs.getString(22),
        status(rs, 23),
        way(rs));
  }

  /** The way of a call to an extension (columns 24-29), or {@code null} when none was recorded. */
  private static InboundWay way(ResultSet rs) throws SQLException {
    String did = rs.getString(24);
    String meant = rs.getString(25);
    String answeredBy = rs.getString(26);
    String reason = rs.getString(27);
    String destination = rs.getString(28);
    String group = rs.getString(29);
    if (did == null && answeredBy == null && reason == null && destination == null) {
      return null; // an internal call that simply rang its extension says nothing more
    }
    return new InboundWay(
        did == null ? null : E164Number.parse(did).orElse(null),
        meant == null ? null : ExtensionNumber.parse(meant).orElse(null),
        answeredBy == null ? null : ExtensionNumber.parse(answeredBy).orElse(null),
        reason == null ? null : ContinuityReason.valueOf(reason),
        destination,
        group);
  }

  private static Integer status(ResultSet rs, int column) throws SQLException {
    int status = rs.getInt(column);
    return rs.wasNull() || status == 0 ? null : status;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
