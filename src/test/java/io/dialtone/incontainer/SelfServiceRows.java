package io.dialtone.incontainer;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * In-container fixture of the self-service tests ({@link SelfServiceIT}, {@link DidsIT}): portal
 * notices, users' languages, account status and DIDs as committed, read and set behind the back.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SelfServiceRows {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject SelfServiceRows self;

  /** The subjects of {@code userId}'s portal notices of {@code kind}, oldest first. */
  @Transactional
  public List<String> notices(long userId, String kind) {
    return em
        .createNativeQuery(
            "SELECT subject FROM portal_notice WHERE user_id = ?1 AND kind = ?2 ORDER BY id")
        .setParameter(1, userId)
        .setParameter(2, kind)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  /** Ids of {@code userId}'s portal notices, oldest first. */
  @Transactional
  public List<Long> noticeIds(long userId) {
    return em
        .createNativeQuery("SELECT id FROM portal_notice WHERE user_id = ?1 ORDER BY id")
        .setParameter(1, userId)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /** How many of {@code userId}'s notices are unread, as committed. */
  @Transactional
  public long unread(long userId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM portal_notice WHERE user_id = ?1 AND read_at IS NULL")
                .setParameter(1, userId)
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public void setLocale(long userId, String tag) {
    em.createNativeQuery("UPDATE app_user SET locale = ?1 WHERE id = ?2")
        .setParameter(1, tag)
        .setParameter(2, userId)
        .executeUpdate();
  }

  /** A new customer account straight below the platform (a direct customer). */
  @Transactional
  public long directCustomer() {
    em.createNativeQuery(
            """
            INSERT INTO account (parent_id, kind, name, status, created_at)
            VALUES (1, 'CUSTOMER', ?1, 'ACTIVE', UTC_TIMESTAMP(6))""")
        .setParameter(1, "Direct " + UUID.randomUUID().toString().substring(0, 8))
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }

  @Transactional
  public void suspend(long accountId) {
    em.createNativeQuery("UPDATE account SET status = 'SUSPENDED' WHERE id = ?1")
        .setParameter(1, accountId)
        .executeUpdate();
  }

  /** Audit rows of {@code action} with {@code result} whose target starts with {@code target}. */
  @Transactional
  public long audited(String action, String result, String target) {
    return ((Number)
            em.createNativeQuery(
                    """
                    SELECT COUNT(*) FROM audit_event
                    WHERE action = ?1 AND result = ?2 AND target LIKE CONCAT(?3, '%')""")
                .setParameter(1, action)
                .setParameter(2, result)
                .setParameter(3, target)
                .getSingleResult())
        .longValue();
  }

  /**
   * On another thread: inserts {@code number} into the inventory (held by the platform), says so
   * through {@code inserted}, then keeps the transaction open until another connection is seen
   * inserting into the inventory (it then waits on the unique key this insert holds), at most a
   * minute, and commits. The future says whether the other insert was seen waiting.
   */
  public Future<Boolean> addNumberUntilAnotherInsertWaits(String number, CountDownLatch inserted) {
    return executor.submit(() -> self.insertAndAwaitAnotherInsert(number, inserted));
  }

  @Transactional
  public boolean insertAndAwaitAnotherInsert(String number, CountDownLatch inserted)
      throws InterruptedException {
    em.createNativeQuery(
            "INSERT INTO did (number, account_id, created_at) VALUES (?1, 1, UTC_TIMESTAMP(6))")
        .setParameter(1, number)
        .executeUpdate();
    em.flush();
    inserted.countDown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      // The application's own connections are visible without the PROCESS privilege.
      Number waiting =
          (Number)
              em.createNativeQuery(
                      """
                      SELECT COUNT(*) FROM information_schema.PROCESSLIST
                      WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query'
                        AND INFO LIKE 'INSERT INTO did (%'""")
                  .getSingleResult();
      if (waiting.longValue() > 0) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return false;
  }
}
