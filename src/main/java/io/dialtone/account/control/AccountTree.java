package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import io.dialtone.kernel.control.AccountHierarchy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the account tree, and lends it to the kernel's {@link
 * io.dialtone.kernel.control.AccountScope}, which decides what subtree a caller sees.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AccountTree implements AccountHierarchy {

  /** The query of a path: the account's id first, then each ancestor's. */
  public static final String PATH_SQL =
      """
      WITH RECURSIVE up (id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM account WHERE id = ?
        UNION ALL
        SELECT a.id, a.parent_id, up.depth + 1 FROM account a JOIN up ON a.id = up.parent_id
      )
      SELECT id FROM up ORDER BY depth
      """;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  /** Whether the account exists and is active (its users may sign in). */
  public boolean isActive(long accountId) {
    Account account = em.find(Account.class, accountId);
    return account != null && account.getStatus() == AccountStatus.ACTIVE;
  }

  /**
   * Whether the account exists and it and every account above it are active: suspending a reseller
   * also stops its customers' users.
   */
  public boolean isActiveWithAncestors(long accountId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    """
                    WITH RECURSIVE up (id, parent_id, status) AS (
                      SELECT id, parent_id, status FROM account WHERE id = ?1
                      UNION ALL
                      SELECT a.id, a.parent_id, a.status FROM account a JOIN up ON a.id = up.parent_id
                    )
                    SELECT COUNT(*), COALESCE(SUM(status <> 'ACTIVE'), 0) FROM up
                    """)
                .setParameter(1, accountId)
                .getSingleResult();
    return ((Number) row[0]).longValue() > 0 && ((Number) row[1]).longValue() == 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public long[] pathToRoot(long accountId) {
    return ((List<Object>)
            em.createNativeQuery(PATH_SQL.replace("?", "?1"))
                .setParameter(1, accountId)
                .getResultList())
        .stream().mapToLong(id -> ((Number) id).longValue()).toArray();
  }

  /** The account with this id, if any (no scope check: callers check scope first). */
  public Optional<AccountView> find(long accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId)).map(AccountView::of);
  }

  /** The account {@code rootId} and all its descendants, parents before children. */
  public List<AccountView> subtreeOf(long rootId) {
    return accountsOf(rootId).stream().map(AccountView::of).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Account> accountsOf(long rootId) {
    return em.createNativeQuery(
            """
            WITH RECURSIVE subtree (id, depth) AS (
              SELECT id, 0 FROM account WHERE id = ?1
              UNION ALL
              SELECT a.id, s.depth + 1 FROM account a JOIN subtree s ON a.parent_id = s.id
            )
            SELECT a.* FROM account a JOIN subtree s ON a.id = s.id ORDER BY s.depth, a.name, a.id
            """,
            Account.class)
        .setParameter(1, rootId)
        .getResultList();
  }

  @Override
  public Set<Long> subtreeIds(long rootId) {
    return accountsOf(rootId).stream().map(Account::getId).collect(Collectors.toUnmodifiableSet());
  }
}
