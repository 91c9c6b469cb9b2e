package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import io.dialtone.kernel.control.AccountScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds customer accounts for support: by name or number, or among given ids, always within the
 * subtree of a root account (the caller's); at most {@code limit} rows, ordered by name. Joins the
 * caller's transaction; checks no permission (its callers do).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CustomerDirectory {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccountScope scopes;

  public Optional<AccountView> find(long accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId)).map(AccountView::of);
  }

  /**
   * Customer accounts below {@code rootId} whose name contains {@code text} (ignoring case, as the
   * column's collation does) or whose account number is {@code text}.
   */
  @SuppressWarnings("unchecked")
  public List<AccountView> byNameOrNumber(long rootId, String text, int limit) {
    return em.createNativeQuery(
            """
            WITH RECURSIVE subtree (id) AS (
              SELECT id FROM account WHERE id = ?1
              UNION ALL
              SELECT a.id FROM account a JOIN subtree s ON a.parent_id = s.id
            )
            SELECT a.* FROM account a JOIN subtree s ON a.id = s.id
            WHERE a.kind = 'CUSTOMER' AND (a.name LIKE ?2 ESCAPE '!' OR a.account_number = ?3)
            ORDER BY a.name, a.id LIMIT ?4
            """,
            Account.class)
        .setParameter(1, rootId)
        .setParameter(2, "%" + likeEscaped(text) + "%")
        .setParameter(3, text)
        .setParameter(4, limit)
        .getResultStream()
        .map(account -> AccountView.of((Account) account))
        .toList();
  }

  /** Customer accounts below {@code rootId} among {@code ids}. */
  public List<AccountView> among(long rootId, Collection<Long> ids, int limit) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.id IN :ids AND a.kind = :kind ORDER BY a.name, a.id",
            Account.class)
        .setParameter("ids", List.copyOf(ids))
        .setParameter("kind", AccountKind.CUSTOMER)
        .getResultStream()
        .filter(account -> scopes.isWithin(rootId, account.getId()))
        .limit(limit)
        .map(AccountView::of)
        .toList();
  }

  /** {@code text} with LIKE's wildcards taken literally (escape character {@code !}). */
  static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
