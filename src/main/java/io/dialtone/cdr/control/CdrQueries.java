package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.ClassCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CDR list query on a connection: the filter's conditions, each matching an index of V14
 * (equality on the filter column, then {@code start_time, id}), newest first, keyset paging. Only
 * fixed SQL fragments are appended; every value is a parameter. Used by {@link CallRecords} and by
 * the benchmark, so both measure the same code.
 */
public final class CdrQueries {

  static final String COLUMNS =
      """
      SELECT id, account_id, start_time, direction, extension, caller, callee, dest_class, \
      dest_country, billsec, disposition, block_reason, cost, currency, trunk, sip_status FROM cdr\
      """;

  private CdrQueries() {}

  /** Up to {@code limit} rows of {@code filter} after {@code cursor} ({@code null}: the first). */
  public static List<CdrRow> page(Connection c, CdrFilter f, CdrCursor cursor, int limit)
      throws SQLException {
    return page(c, f, null, cursor, false, limit);
  }

  /**
   * The same, restricted to the calls of the extensions with ids {@code only} ({@code null}: the
   * whole account; empty: nothing), oldest first when {@code ascending}.
   */
  public static List<CdrRow> page(
      Connection c, CdrFilter f, Set<Long> only, CdrCursor cursor, boolean ascending, int limit)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = sql(f, only, cursor, ascending, limit, params);
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      List<CdrRow> rows = new ArrayList<>(limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  /** The SQL of {@link #page} and its parameters (added to {@code params}). */
  public static String sql(CdrFilter f, CdrCursor cursor, int limit, List<Object> params) {
    return sql(f, null, cursor, false, limit, params);
  }

  /** The SQL of the restricted, ordered {@link #page} and its parameters. */
  public static String sql(
      CdrFilter f,
      Set<Long> only,
      CdrCursor cursor,
      boolean ascending,
      int limit,
      List<Object> params) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("page size");
    }
    StringBuilder sql = new StringBuilder(COLUMNS);
    where(sql, f, only, params);
    if (cursor != null) {
      sql.append(
          ascending
              ? " AND (start_time > ? OR (start_time = ? AND id > ?))"
              : " AND (start_time < ? OR (start_time = ? AND id < ?))");
      params.add(utc(cursor.start()));
      params.add(utc(cursor.start()));
      params.add(cursor.id());
    }
    sql.append(
        ascending
            ? " ORDER BY start_time ASC, id ASC LIMIT ?"
            : " ORDER BY start_time DESC, id DESC LIMIT ?");
    params.add(limit);
    return sql.toString();
  }

  /**
   * Appends the filter's WHERE clause (fixed fragments; values to {@code params}). {@code only}
   * restricts to the calls of some extensions, by id ({@code cdr_extension_id_ix}): {@code null}
   * for none, an empty set matches nothing.
   */
  static void where(StringBuilder sql, CdrFilter f, Set<Long> only, List<Object> params) {
    sql.append(" WHERE account_id = ? AND start_time >= ? AND start_time < ?");
    params.add(f.accountId());
    params.add(utc(f.from()));
    params.add(utc(f.to()));
    if (only != null) {
      if (only.isEmpty()) {
        sql.append(" AND 1 = 0");
      } else {
        sql.append(" AND extension_id IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(only.size(), "?")));
        sql.append(')');
        params.addAll(new java.util.TreeSet<>(only));
      }
    }
    if (f.extension() != null) {
      sql.append(" AND extension = ?");
      params.add(f.extension());
    }
    outcomeConditions(f, sql, params);
    if (f.numberPrefix() != null) {
      sql.append(" AND remote_digits LIKE ?"); // digits only (CdrFilter): no wildcard inside
      params.add(f.numberPrefix() + "%");
    }
    if (f.minBillsec() != null) {
      sql.append(" AND billsec >= ?");
      params.add(f.minBillsec());
    }
  }

  /**
   * The conditions of {@code f}'s direction, result, destination type and country, columns that the
   * call rows and the daily summary rows share.
   */
  static void outcomeConditions(CdrFilter f, StringBuilder sql, List<Object> params) {
    if (f.direction() != null) {
      sql.append(" AND direction = ?");
      params.add(f.direction().code());
    }
    if (f.disposition() != null) {
      sql.append(" AND disposition = ?");
      params.add(f.disposition().code());
    }
    if (f.destination() != null) {
      sql.append(" AND dest_class = ?");
      params.add(ClassCodes.code(f.destination()));
    }
    if (f.country() != null) {
      sql.append(" AND dest_country = ?");
      params.add(f.country());
    }
  }

  static void bind(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
  }

  static CdrRow row(ResultSet rs) throws SQLException {
    return new CdrRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
        Direction.ofCode(rs.getInt(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        ClassCodes.ofCode(rs.getInt(8)),
        rs.getString(9),
        rs.getInt(10),
        Disposition.ofCode(rs.getInt(11)),
        rs.getString(12),
        rs.getBigDecimal(13),
        rs.getString(14),
        rs.getString(15),
        status(rs.getInt(16)));
  }

  /** A stored final SIP status; 0 or NULL (none stored) as {@code null}. */
  private static Integer status(int stored) {
    return stored == 0 ? null : stored;
  }

  static LocalDateTime utc(java.time.Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
