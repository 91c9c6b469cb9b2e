package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.ClassOfService;
import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.extension.entity.ExtensionNumber;
import io.dialtone.extension.entity.ExtensionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The call-policy side of an extension's life, for the extension component: the row of a new
 * extension (its type's default class of service), its class of service, and its removal when the
 * extension is deleted. Runs in the caller's transaction (the caller checked permission and scope)
 * and fires {@link CallPolicyChanged} so the compiled rules reload after commit.
 */
@ApplicationScoped
public class ExtensionPolicies {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Event<CallPolicyChanged> changed;

  /** Creates the policy of a new extension: its type's default class of service. */
  public void create(long accountId, ExtensionNumber number, ExtensionType type) {
    em.persist(ExtensionCallPolicy.forNew(accountId, number, type));
    changed.fire(CallPolicyChanged.account(accountId));
  }

  /** The class of service of an extension; {@code INTERNAL_ONLY} when it has no row. */
  public ClassOfService classOfService(long accountId, ExtensionNumber number) {
    return find(accountId, number)
        .map(ExtensionCallPolicy::getClassOfService)
        .orElse(ClassOfService.INTERNAL_ONLY);
  }

  public void changeClassOfService(long accountId, ExtensionNumber number, ClassOfService cos) {
    ExtensionCallPolicy policy = find(accountId, number).orElse(null);
    if (policy == null) {
      policy = ExtensionCallPolicy.forNew(accountId, number, ExtensionType.USER);
      em.persist(policy);
    }
    policy.changeClassOfService(cos);
    changed.fire(CallPolicyChanged.account(accountId));
  }

  /** Removes the extension's policy (and with it its rules' narrowing) when it is deleted. */
  public void remove(long accountId, ExtensionNumber number) {
    find(accountId, number).ifPresent(em::remove);
    em.createNativeQuery(
            "DELETE FROM call_policy_rule WHERE account_id = ?1 AND extension_number = ?2")
        .setParameter(1, accountId)
        .setParameter(2, number.digits())
        .executeUpdate();
    changed.fire(CallPolicyChanged.account(accountId));
  }

  private Optional<ExtensionCallPolicy> find(long accountId, ExtensionNumber number) {
    List<ExtensionCallPolicy> found =
        em.createQuery(
                """
                SELECT e FROM ExtensionCallPolicy e
                WHERE e.accountId = :accountId AND e.extensionNumber = :number""",
                ExtensionCallPolicy.class)
            .setParameter("accountId", accountId)
            .setParameter("number", number.digits())
            .getResultList();
    return found.stream().findFirst();
  }
}
