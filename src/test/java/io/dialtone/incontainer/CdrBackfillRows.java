package io.dialtone.incontainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * In-container fixture of the summary backfill tests: a store as an upgrade finds it (calls whose
 * days are missing from the facet tables, the start markers set), and what the backfill wrote.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CdrBackfillRows {

  private static final List<String> FACETS =
      List.of(
          "cdr_daily_facet",
          "cdr_daily_extension_facet",
          "cdr_daily_number_facet",
          "cdr_daily_extension_duration");

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /**
   * Makes the account's calls of the days up to {@code lastDay} look stored before the facet tables
   * existed: their summary rows are deleted (the daily totals stay, as they are older).
   */
  public void forgetFacets(long accountId, LocalDate lastDay) {
    for (String table : FACETS) {
      em.createNativeQuery("DELETE FROM " + table + " WHERE account_id = ?1 AND day <= ?2")
          .setParameter(1, accountId)
          .setParameter(2, lastDay)
          .executeUpdate();
    }
  }

  /** Sets both start markers (V31, V38) to {@code utc}, {@code null} for none; no backfill yet. */
  public void upgradedAt(LocalDateTime utc) {
    for (String table : List.of("cdr_facet_start", "cdr_number_facet_start")) {
      em.createNativeQuery("UPDATE " + table + " SET complete_from = ?1 WHERE id = 1")
          .setParameter(1, utc == null ? null : Timestamp.valueOf(utc))
          .executeUpdate();
    }
    em.createNativeQuery("DELETE FROM cdr_summary_backfill").executeUpdate();
  }

  /** Whether either start marker is set. */
  public boolean markersSet() {
    return ((Number)
                em.createNativeQuery(
                        "SELECT (SELECT COUNT(complete_from) FROM cdr_facet_start)"
                            + " + (SELECT COUNT(complete_from) FROM cdr_number_facet_start)")
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** The day the account's summary rows are complete from, {@code null} when not started. */
  public LocalDate completeFrom(long accountId) {
    List<?> rows =
        em.createNativeQuery("SELECT complete_from FROM cdr_summary_backfill WHERE account_id = ?1")
            .setParameter(1, accountId)
            .getResultList();
    return rows.isEmpty() ? null : ((java.sql.Date) rows.get(0)).toLocalDate();
  }

  /** The account's time zone is set to {@code zone}. */
  public void zone(long accountId, String zone) {
    em.createNativeQuery("UPDATE account SET time_zone = ?1 WHERE id = ?2")
        .setParameter(1, zone)
        .setParameter(2, accountId)
        .executeUpdate();
  }

  /** The account's call rows. */
  public long calls(long accountId) {
    return count("SELECT COUNT(*) FROM cdr WHERE account_id = ?1", accountId);
  }

  /**
   * The calls each facet table counts for the account (per prefix table: under the empty prefix),
   * in the order account, extension, number, extension and duration.
   */
  public List<Long> facetCalls(long accountId) {
    return List.of(
        count(
            "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_facet WHERE account_id = ?1", accountId),
        count(
            "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_extension_facet WHERE account_id = ?1",
            accountId),
        count(
            "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_number_facet"
                + " WHERE account_id = ?1 AND prefix = ''",
            accountId),
        count(
            "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_extension_duration"
                + " WHERE account_id = ?1",
            accountId));
  }

  /** Audit rows of {@code action} since row {@code afterId}. */
  public long audited(String action, long afterId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND id > ?2")
                .setParameter(1, action)
                .setParameter(2, afterId)
                .getSingleResult())
        .longValue();
  }

  /** The newest audit row's id (0 when none). */
  public long lastAuditId() {
    return ((Number)
            em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM audit_event").getSingleResult())
        .longValue();
  }

  private long count(String sql, long accountId) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, accountId).getSingleResult())
        .longValue();
  }
}
