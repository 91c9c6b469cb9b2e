package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.Trunk;
import io.dialtone.trunk.entity.TrunkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the OPTIONS probe learnt of each trunk: status, last answer, latency and time, kept in the
 * trunk's row for the trunks page and in the directory for the next call. The rule is {@link
 * HealthRule}'s: a 5xx answer is {@code DOWN}, any other answer {@code UP}, two probes in a row
 * without answer are {@code DOWN}. Each result is one UPDATE by primary key (this runs every few
 * seconds per trunk); the count of misses in a row is kept in memory, per node.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class TrunkHealth {

  private final Map<Long, HealthRule> rules = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject TrunkDirectory directory;

  @Inject Clock clock;

  /** The trunk answered an OPTIONS probe with status after latency (any answer = reachable). */
  @Transactional
  public void answered(long trunkId, int status, Duration latency) {
    HealthRule from = start(trunkId);
    HealthRule now =
        rules.compute(trunkId, (id, was) -> (was != null ? was : from).answered(status));
    long ms = Math.clamp(latency.toMillis(), 0, Integer.MAX_VALUE);
    write(trunkId, now.status(), status, (int) ms);
  }

  /** The probe got no answer (timeout or transport error). */
  @Transactional
  public void unreachable(long trunkId) {
    HealthRule from = start(trunkId);
    HealthRule now = rules.compute(trunkId, (id, was) -> (was != null ? was : from).missed());
    write(trunkId, now.status(), null, null);
  }

  /** A changed, re-enabled or deleted trunk starts again from what its row says. */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrunksChanged change) {
    rules.remove(change.trunkId());
  }

  /**
   * Where a trunk without results on this node starts: its health as the directory knows it. Read
   * before {@code compute}, which must not wait on the database while it holds the map's lock.
   */
  private HealthRule start(long trunkId) {
    HealthRule known = rules.get(trunkId);
    return known != null
        ? known
        : HealthRule.from(directory.health(trunkId).orElse(TrunkStatus.UNKNOWN));
  }

  private void write(long trunkId, TrunkStatus status, Integer code, Integer latencyMs) {
    em.createNamedQuery(Trunk.UPDATE_HEALTH)
        .setParameter("status", status)
        .setParameter("code", code)
        .setParameter("latency", latencyMs)
        .setParameter("at", clock.instant())
        .setParameter("id", trunkId)
        .executeUpdate();
    directory.health(trunkId, status);
  }
}
