package io.dialtone.audit.control;

import io.dialtone.audit.entity.AuditEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends events to the audit chain: the one way to write {@code audit_event}.
 *
 * <p>Design: each append runs in its own transaction ({@code REQUIRES_NEW}), so the audit of a
 * failure survives the caller's rollback. It locks the single {@code audit_chain_head} row ({@code
 * SELECT ... FOR UPDATE}), which puts appends in one order; inserts the event with {@code
 * prev_hash} = the head's hash and its final {@code row_hash}, computed from the content and {@code
 * prev_hash} but not from the id; then moves the head to the new id and hash. The id is left out of
 * the hash on purpose: AUTO_INCREMENT ids are only known after the insert and may have gaps (a
 * rolled-back append burns one), and hashing the id would need either a guessed id or an UPDATE of
 * the row, and rows are never updated. Order is still fixed: appends are serialised, so ids grow in
 * chain order, and each row's {@code prev_hash} names the row before it.
 *
 * <p>A record that names nobody as on-behalf-of gets the one of the current request ({@link
 * AuditContext}), so every row written while an agent acts for a customer names the customer, even
 * where the caller forgot to; outside a request (scheduled jobs, start-up) nothing is added.
 *
 * <p>Each event also goes to the {@code io.dialtone.audit} logger as one escaped line. A failing
 * append throws (the caller's action should fail closed) and logs the escaped record at SEVERE.
 *
 * <p>Needs a JVM in UTC: the JDBC layer turns an {@code Instant} into a {@code DATETIME} through
 * the default time zone, and any other zone stores local times and, around daylight-saving changes,
 * reads back other instants than were hashed. A start in another zone is logged at SEVERE.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger("io.dialtone.audit");

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject ChainHeadStore heads;
  @Inject AuditContext context;

  Clock clock = Clock.systemUTC();

  @PostConstruct
  void checkTimeZone() {
    var rules = ZoneId.systemDefault().getRules();
    if (!rules.isFixedOffset() || !rules.getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)) {
      LOG.severe(
          "JVM time zone is not UTC: audit times are stored shifted; use -Duser.timezone=UTC");
    }
  }

  /**
   * Appends {@code record} to the chain in a new transaction and logs it.
   *
   * @throws RuntimeException if the event cannot be stored ({@code PersistenceException}, or {@code
   *     TransactionalException} if the commit fails); nothing is appended then
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(@NotNull AuditRecord given) {
    AuditRecord record = given.orOnBehalfOf(requestOnBehalfOf());
    // MariaDB keeps microseconds: hash and store the same truncated instant.
    var occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      ChainHead head = heads.lock();
      AuditEvent event = record.toEvent(occurredAt, head.lastHash());
      em.persist(event);
      em.flush();
      heads.advance(new ChainHead(event.getId(), event.getRowHash()));
      LOG.log(Level.INFO, AuditLogLine.appended(event));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, AuditLogLine.failed(record), e);
      throw e;
    }
  }

  /** The current request's on-behalf-of, or {@code null} outside a request. */
  private String requestOnBehalfOf() {
    try {
      return context.onBehalfOf();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
