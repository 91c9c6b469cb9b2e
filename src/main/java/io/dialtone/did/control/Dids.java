package io.dialtone.did.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.ExtensionDirectory;
import io.dialtone.kernel.control.AccountScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads DIDs, scoped by role: a platform administrator sees the whole inventory, a reseller
 * administrator the numbers held by its reseller and its customers, a customer administrator those
 * of its account. A route to an extension deleted since shows as no route. Lists are filtered by
 * digits and capped at {@value #MAX_ROWS} rows.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Dids {

  /** The most rows one list shows. */
  public static final int MAX_ROWS = 200;

  private static final String EVERYWHERE =
      "SELECT d FROM Did d WHERE d.number LIKE :digits ORDER BY d.number";
  private static final String IN_SCOPE =
      """
      SELECT d FROM Did d WHERE d.number LIKE :digits AND d.accountId IN :scope
      ORDER BY d.number""";

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject DidAccess access;
  @Inject AccountTree accounts;
  @Inject AccountScope scopes;
  @Inject ExtensionDirectory extensions;

  /** The DIDs in the caller's scope whose digits contain those of {@code filter}, by number. */
  @Transactional
  public List<DidView> list(String filter) {
    access.viewing();
    Optional<Set<Long>> scope = scopes.scopeOf(access.callerAccountId());
    String digits = filter == null ? "" : filter.replaceAll("[^0-9]", "");
    TypedQuery<Did> query =
        em.createQuery(scope.isPresent() ? IN_SCOPE : EVERYWHERE, Did.class)
            .setParameter("digits", "%" + digits + "%")
            .setMaxResults(MAX_ROWS);
    scope.ifPresent(ids -> query.setParameter("scope", List.copyOf(ids)));
    List<Did> found = query.getResultList();
    Set<Long> live =
        extensions.live(
            found.stream().map(Did::getExtensionId).filter(Objects::nonNull).distinct().toList());
    Map<Long, AccountView> holders = new HashMap<>();
    return found.stream()
        .map(
            did ->
                DidView.of(
                    did,
                    holders.computeIfAbsent(
                        did.getAccountId(), id -> accounts.find(id).orElse(null)),
                    live))
        .toList();
  }

  /** One DID in the caller's scope (refused, 404, otherwise). */
  @Transactional
  public DidView get(long didId) {
    Did did = access.inScope(didId, access.viewing());
    Set<Long> live =
        did.getExtensionId() == null ? Set.of() : extensions.live(List.of(did.getExtensionId()));
    return DidView.of(did, accounts.find(did.getAccountId()).orElse(null), live);
  }
}
