package io.dialtone.cdr.control;

import io.dialtone.cdr.entity.ClassCodes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statements that store a batch of call records and their totals, on the caller's connection
 * (enlisted in its transaction): one query for the Call-IDs already stored, one multi-row {@code
 * INSERT ... RETURNING id}, one multi-row upsert per totals table with the batch's sums per account
 * (and extension) and day, in key order (concurrent writers lock the same rows in the same order),
 * and the same per value of the list's filters ({@link CdrFacets}). A record whose Call-ID and
 * start are stored already, or that comes twice in the batch, is a duplicate and adds nothing.
 * Times are bound as UTC {@code LocalDateTime}s, whatever the JVM's zone. Used by {@link
 * CallRecorder} and by the benchmark, so both measure the same statements.
 */
public final class CdrWrites {

  private static final String COLUMNS =
      """
      INSERT INTO cdr (account_id, extension, extension_id, direction, caller, callee, \
      remote_digits, dest_class, dest_country, start_time, answer_time, end_time, billsec, \
      disposition, block_reason, block_rule_id, trunk, trunk_attempts, cost, currency, call_id, \
      hangup_side, sip_status, did, original_target, answered_by, continuity_reason, \
      final_destination, ring_group) \
      VALUES \
      """;

  private static final String ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SUMS =
      """
       ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls), \
      answered = answered + VALUES(answered), blocked = blocked + VALUES(blocked), \
      billsec = billsec + VALUES(billsec), minutes = minutes + VALUES(minutes), \
      cost = cost + VALUES(cost)\
      """;

  private static final String ACCOUNT_TOTALS =
      """
      INSERT INTO cdr_daily_account (account_id, day, calls, answered, blocked, billsec, minutes, \
      cost) VALUES \
      """;

  private static final String EXTENSION_TOTALS =
      """
      INSERT INTO cdr_daily_extension (account_id, extension, day, calls, answered, blocked, \
      billsec, minutes, cost) VALUES \
      """;

  /** The batch's time span first: only its months' partitions are searched. */
  private static final String STORED =
      "SELECT call_id, start_time FROM cdr WHERE start_time >= ? AND start_time <= ? AND call_id IN (";

  private CdrWrites() {}

  /** Stores the calls; what became of each, in order. */
  public static List<Recorded> write(Connection c, List<PendingCall> calls) throws SQLException {
    Set<String> stored = alreadyStored(c, calls);
    Set<String> seen = new HashSet<>();
    List<PendingCall> fresh = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String key = key(calls.get(i).call().callId(), utc(calls.get(i).call().start()));
      if (!stored.contains(key) && seen.add(key)) {
        fresh.add(calls.get(i));
        positions.add(i);
      }
    }
    List<Recorded> results = new ArrayList<>(Collections.nCopies(calls.size(), null));
    for (int i = 0; i < calls.size(); i++) {
      results.set(i, Recorded.duplicate());
    }
    if (fresh.isEmpty()) {
      return results;
    }
    List<Long> ids = insert(c, fresh);
    for (int i = 0; i < fresh.size(); i++) {
      results.set(positions.get(i), new Recorded(true, ids.get(i), fresh.get(i).cost()));
    }
    addToTotals(c, fresh);
    return results;
  }

  /** Keys ({@link #key}) of those calls whose Call-ID and start are in the store already. */
  private static Set<String> alreadyStored(Connection c, List<PendingCall> calls)
      throws SQLException {
    Set<String> callIds = new HashSet<>();
    Instant first = calls.get(0).call().start();
    Instant last = first;
    for (PendingCall p : calls) {
      callIds.add(p.call().callId());
      first = p.call().start().isBefore(first) ? p.call().start() : first;
      last = p.call().start().isAfter(last) ? p.call().start() : last;
    }
    String sql =
        new StringBuilder(STORED)
            .append(String.join(", ", Collections.nCopies(callIds.size(), "?")))
            .append(')')
            .toString();
    Set<String> found = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, utc(first));
      s.setObject(2, utc(last));
      int i = 3;
      for (String id : callIds) {
        s.setString(i++, id);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(key(rs.getString(1), rs.getObject(2, LocalDateTime.class)));
        }
      }
    }
    return found;
  }

  /** Inserts the rows; their ids in order ({@code RETURNING} gives them row by row). */
  private static List<Long> insert(Connection c, List<PendingCall> calls) throws SQLException {
    String sql =
        new StringBuilder(COLUMNS)
            .append(String.join(", ", Collections.nCopies(calls.size(), ROW)))
            .append(" RETURNING id")
            .toString();
    List<Long> ids = new ArrayList<>(calls.size());
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      for (PendingCall pending : calls) {
        p = bind(s, p, pending);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    if (ids.size() != calls.size()) {
      throw new SQLException("inserted " + ids.size() + " of " + calls.size() + " call records");
    }
    return ids;
  }

  private static int bind(PreparedStatement s, int p, PendingCall pending) throws SQLException {
    CallRecord r = pending.call();
    s.setLong(p++, r.accountId().value());
    s.setString(p++, r.extensionDigits());
    s.setObject(p++, pending.extensionId(), Types.BIGINT);
    s.setInt(p++, r.direction().code());
    s.setString(p++, r.caller());
    s.setString(p++, r.callee());
    s.setString(p++, r.remoteDigits());
    s.setInt(p++, ClassCodes.code(r.destination()));
    s.setString(p++, r.country());
    s.setObject(p++, utc(r.start()));
    s.setObject(p++, r.answer() == null ? null : utc(r.answer()), Types.TIMESTAMP);
    s.setObject(p++, utc(r.end()));
    s.setInt(p++, r.billsec());
    s.setInt(p++, r.disposition().code());
    s.setString(p++, r.blockReason() == null ? null : r.blockReason().name());
    s.setObject(p++, r.blockRuleId(), Types.BIGINT);
    s.setString(p++, r.trunk());
    s.setString(p++, TrunkAttempt.encode(r.trunkAttempts()));
    s.setBigDecimal(p++, pending.cost() == null ? null : pending.cost().amount());
    s.setString(p++, pending.currency());
    s.setString(p++, r.callId());
    s.setString(p++, r.hangupSide());
    s.setObject(p++, r.sipStatus() == 0 ? null : r.sipStatus(), Types.SMALLINT);
    InboundWay way = r.way();
    s.setString(p++, way == null || way.did() == null ? null : way.did().value());
    s.setString(
        p++, way == null || way.originalTarget() == null ? null : way.originalTarget().digits());
    s.setString(p++, way == null || way.answeredBy() == null ? null : way.answeredBy().digits());
    s.setString(p++, way == null || way.reason() == null ? null : way.reason().name());
    s.setString(p++, way == null ? null : way.finalDestination());
    s.setString(p++, way == null ? null : way.ringGroup());
    return p;
  }

  /** Adds the calls to their accounts' and extensions' totals of their days, summed first. */
  private static void addToTotals(Connection c, List<PendingCall> calls) throws SQLException {
    Map<String, Sums> accounts = new TreeMap<>();
    Map<String, Sums> extensions = new TreeMap<>();
    for (PendingCall p : calls) {
      CallRecord r = p.call();
      String day = p.day().toString();
      accounts.computeIfAbsent(r.accountId() + " " + day, k -> new Sums(r, null, p.day())).add(p);
      extensions
          .computeIfAbsent(
              r.accountId() + " " + r.extensionDigits() + " " + day,
              k -> new Sums(r, r.extensionDigits(), p.day()))
          .add(p);
    }
    upsert(c, ACCOUNT_TOTALS, "(?, ?, ?, ?, ?, ?, ?, ?)", accounts.values(), false);
    upsert(c, EXTENSION_TOTALS, "(?, ?, ?, ?, ?, ?, ?, ?, ?)", extensions.values(), true);
    CdrFacetTally facets = new CdrFacetTally();
    for (PendingCall p : calls) {
      facets.add(p.call(), p.day(), p.cost() == null ? null : p.cost().amount());
    }
    facets.write(c);
  }

  private static void upsert(
      Connection c, String insert, String row, java.util.Collection<Sums> sums, boolean extension)
      throws SQLException {
    String sql =
        new StringBuilder(insert)
            .append(String.join(", ", Collections.nCopies(sums.size(), row)))
            .append(SUMS)
            .toString();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      for (Sums t : sums) {
        s.setLong(p++, t.accountId);
        if (extension) {
          s.setString(p++, t.extension);
        }
        s.setObject(p++, t.day);
        s.setLong(p++, t.calls);
        s.setLong(p++, t.answered);
        s.setLong(p++, t.blocked);
        s.setLong(p++, t.billsec);
        s.setLong(p++, t.minutes);
        s.setBigDecimal(p++, t.cost);
      }
      s.executeUpdate();
    }
  }

  /** One totals row's additions. */
  private static final class Sums {
    final long accountId;
    final String extension;
    final LocalDate day;
    long calls;
    long answered;
    long blocked;
    long billsec;
    long minutes;
    BigDecimal cost = BigDecimal.ZERO;

    Sums(CallRecord r, String extension, LocalDate day) {
      this.accountId = r.accountId().value();
      this.extension = extension;
      this.day = day;
    }

    void add(PendingCall p) {
      CallRecord r = p.call();
      calls++;
      answered += r.disposition() == Disposition.ANSWERED ? 1 : 0;
      blocked += r.disposition() == Disposition.BLOCKED ? 1 : 0;
      billsec += r.billsec();
      minutes += CallRecorder.minutes(r.billsec());
      cost = p.cost() == null ? cost : cost.add(p.cost().amount());
    }
  }

  private static String key(String callId, LocalDateTime start) {
    return callId + ' ' + start;
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
