package io.dialtone.incontainer;

import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** In-container fixture of the CDR page tests: many calls recorded in one transaction. */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CdrPageRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject CallRecorder recorder;

  /** Records every call through {@link CallRecorder#submit} and waits for their commit. */
  public void recordAll(List<CallRecord> calls) {
    calls.stream()
        .map(recorder::submit)
        .toList()
        .forEach(java.util.concurrent.CompletableFuture::join);
  }

  /** The calls the facet summary of {@code accountId} counts (per extension, or the account's). */
  @Transactional
  public long facetCalls(long accountId, boolean perExtension) {
    return ((Number)
            em.createNativeQuery(
                    perExtension
                        ? "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_extension_facet"
                            + " WHERE account_id = ?1"
                        : "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_facet WHERE account_id = ?1")
                .setParameter(1, accountId)
                .getSingleResult())
        .longValue();
  }

  /**
   * Adds {@code calls} to one of the account's inbound facet rows (proves where totals come from).
   */
  @Transactional
  public void addToFacets(long accountId, int calls) {
    int changed =
        em.createNativeQuery(
                "UPDATE cdr_daily_facet SET calls = calls + ?1 WHERE account_id = ?2"
                    + " AND direction = 2 ORDER BY day DESC LIMIT 1")
            .setParameter(1, calls)
            .setParameter(2, accountId)
            .executeUpdate();
    if (changed != 1) {
      throw new IllegalStateException("no inbound facet row of account " + accountId);
    }
  }

  /** The calls the number/duration summary of {@code accountId} counts under the empty prefix. */
  @Transactional
  public long numberFacetCalls(long accountId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(calls), 0) FROM cdr_daily_number_facet"
                        + " WHERE account_id = ?1 AND prefix = ''")
                .setParameter(1, accountId)
                .getSingleResult())
        .longValue();
  }

  /** Adds {@code calls} to one of the account's summary rows of a number prefix. */
  @Transactional
  public void addToNumberFacets(long accountId, String prefix, int calls) {
    int changed =
        em.createNativeQuery(
                "UPDATE cdr_daily_number_facet SET calls = calls + ?1 WHERE account_id = ?2"
                    + " AND prefix = ?3 ORDER BY day DESC LIMIT 1")
            .setParameter(1, calls)
            .setParameter(2, accountId)
            .setParameter(3, prefix)
            .executeUpdate();
    if (changed != 1) {
      throw new IllegalStateException("no summary row of prefix " + prefix);
    }
  }

  /**
   * The summary rows of {@code accountId} (every table of daily totals and facets) for the days
   * from the day before {@code day} to the day after it (a call's day in any time zone).
   */
  @Transactional
  public long summaryRowsAround(long accountId, java.time.LocalDate day) {
    long rows = 0;
    for (String table :
        List.of(
            "cdr_daily_account",
            "cdr_daily_extension",
            "cdr_daily_facet",
            "cdr_daily_extension_facet",
            "cdr_daily_number_facet",
            "cdr_daily_extension_duration")) {
      rows +=
          ((Number)
                  em.createNativeQuery(
                          "SELECT COUNT(*) FROM "
                              + table
                              + " WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3")
                      .setParameter(1, accountId)
                      .setParameter(2, day.minusDays(1))
                      .setParameter(3, day.plusDays(1))
                      .getSingleResult())
              .longValue();
    }
    return rows;
  }

  @Transactional
  public long savedFilters(long userId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM cdr_saved_filter WHERE user_id = ?1")
                .setParameter(1, userId)
                .getSingleResult())
        .longValue();
  }

  /** The actions audited for {@code actor}, newest first (as "ACTION RESULT target"). */
  @Transactional
  public List<String> audited(String actor) {
    return em
        .createNativeQuery(
            "SELECT CONCAT(action, ' ', result, ' ', COALESCE(target, '')) FROM audit_event"
                + " WHERE actor = ?1 ORDER BY id DESC")
        .setParameter(1, actor)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  /** Every refusal audited about {@code target}, as "actor detail". */
  @Transactional
  public List<String> refusals(String target) {
    return em
        .createNativeQuery(
            "SELECT CONCAT(actor, ' ', COALESCE(detail, '')) FROM audit_event"
                + " WHERE action = 'ACCESS_DENIED' AND target = ?1 ORDER BY id")
        .setParameter(1, target)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  /** The detail of the newest audit row of {@code action} about {@code accountId}. */
  @Transactional
  public String lastAuditDetail(String action, long accountId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT detail FROM audit_event WHERE action = ?1 AND account_id = ?2 ORDER BY id DESC")
            .setParameter(1, action)
            .setParameter(2, accountId)
            .setMaxResults(1)
            .getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }
}
