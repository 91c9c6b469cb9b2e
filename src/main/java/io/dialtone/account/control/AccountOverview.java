package io.dialtone.account.control;

import io.dialtone.account.entity.Account;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Read-only account figures for the dashboards: counts and lists of the caller's subtree only,
 * below the caller's own account. Each read checks its permission.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class AccountOverview {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountTree tree;

  /** Resellers and customers below the caller's account, by status; counted by the database. */
  @Transactional
  @SuppressWarnings("unchecked")
  public AccountCounts counts() {
    SignedInUser caller = access.require(Permission.VIEW_ACCOUNTS);
    List<Object[]> rows =
        em.createNativeQuery(
                """
                WITH RECURSIVE subtree (id) AS (
                  SELECT id FROM account WHERE parent_id = ?1
                  UNION ALL
                  SELECT a.id FROM account a JOIN subtree s ON a.parent_id = s.id
                )
                SELECT a.kind, a.status, COUNT(*) FROM account a JOIN subtree s ON a.id = s.id
                GROUP BY a.kind, a.status
                """)
            .setParameter(1, caller.accountId())
            .getResultList();
    return AccountCounts.of(
        rows.stream()
            .map(
                row ->
                    new AccountCounts.Group(
                        AccountKind.valueOf((String) row[0]),
                        AccountStatus.valueOf((String) row[1]),
                        ((Number) row[2]).longValue()))
            .toList());
  }

  /** The customer accounts below the caller's account, by name. */
  @Transactional
  public List<AccountView> customers() {
    SignedInUser caller = access.require(Permission.MANAGE_CUSTOMERS);
    return tree.subtreeOf(caller.accountId()).stream()
        .filter(a -> a.kind() == AccountKind.CUSTOMER && a.id() != caller.accountId())
        .toList();
  }

  /** The account the caller belongs to (or acts for). */
  @Transactional
  public AccountView own() {
    SignedInUser caller = access.require(Permission.VIEW_OWN_PROFILE);
    return AccountView.of(em.find(Account.class, caller.accountId()));
  }
}
