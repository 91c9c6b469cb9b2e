package io.dialtone.identity.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Read-only user figures for the dashboards: counts and lists of the users of the caller's subtree
 * only, and the caller's own profile. Each read checks its permission and scope; account ids come
 * from {@link AccountTree}, never from a join on the account table.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserOverview {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject AccountScope scopes;

  /** Users of the caller's account and every account below it, by status. */
  @Transactional
  public UserCounts counts() {
    SignedInUser caller = access.require(Permission.MANAGE_USERS);
    Optional<Set<Long>> scope = scopes.scopeOf(caller.accountId());
    List<Object[]> rows =
        scope.isEmpty()
            ? em.createQuery(
                    "SELECT u.status, COUNT(u) FROM User u GROUP BY u.status", Object[].class)
                .getResultList()
            : em.createQuery(
                    "SELECT u.status, COUNT(u) FROM User u WHERE u.accountId IN :ids GROUP BY u.status",
                    Object[].class)
                .setParameter("ids", scope.get())
                .getResultList();
    return UserCounts.of(
        rows.stream()
            .collect(Collectors.toMap(r -> (UserStatus) r[0], r -> ((Number) r[1]).longValue())));
  }

  /**
   * How many users each of {@code accountIds} has; ids outside the caller's scope are left out, as
   * are accounts without users.
   */
  @Transactional
  public Map<Long, Long> countsPerAccount(@NotNull Collection<Long> accountIds) {
    SignedInUser caller = access.require(Permission.MANAGE_USERS);
    Optional<Set<Long>> scope = scopes.scopeOf(caller.accountId());
    List<Long> ids =
        accountIds.stream().filter(id -> scope.map(s -> s.contains(id)).orElse(true)).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT u.accountId, COUNT(u) FROM User u WHERE u.accountId IN :ids GROUP BY u.accountId",
            Object[].class)
        .setParameter("ids", ids)
        .getResultStream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
  }

  /** The users of one account in the caller's scope, by e-mail address. */
  @Transactional
  public List<UserSummary> usersOf(long accountId) {
    access.requireInScope(Permission.MANAGE_USERS, accountId);
    return em.createQuery(
            "SELECT u FROM User u WHERE u.accountId = :account ORDER BY u.email", User.class)
        .setParameter("account", accountId)
        .getResultStream()
        .map(UserSummary::of)
        .toList();
  }

  /** The caller's own profile, as stored now (last sign-in, roles). */
  @Transactional
  public UserSummary me() {
    SignedInUser caller = access.require(Permission.VIEW_OWN_PROFILE);
    return UserSummary.of(em.find(User.class, caller.userId()));
  }
}
