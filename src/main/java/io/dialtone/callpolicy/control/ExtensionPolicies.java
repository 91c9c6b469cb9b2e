package io.dialtone.callpolicy.control;

import io.dialtone.callpolicy.entity.ExtensionCallPolicy;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The call-policy side of an extension's life, for the extension component: the row of a new
 * extension (its type's default class of service), its class of service, and its removal when the
 * extension is deleted. Runs in the caller's transaction (the caller checked permission and scope)
 * and fires {@link CallPolicyChanged} so the compiled rules reload after commit.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class ExtensionPolicies {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  private static final int BATCH = 500;

  @Inject Event<CallPolicyChanged> changed;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  /** Creates the policy of a new extension: its type's default class of service. */
  public void create(long accountId, ExtensionNumber number, ExtensionType type) {
    em.persist(ExtensionCallPolicy.forNew(accountId, number, type));
    changed.fire(CallPolicyChanged.account(accountId));
  }

  /**
   * Creates the policies of many new extensions at once (bulk import) with JDBC batches on the
   * transaction's connection; one {@link CallPolicyChanged} for all.
   */
  public void createAll(long accountId, Map<ExtensionNumber, ExtensionType> extensions) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement insert =
            db.prepareStatement(
                """
                INSERT INTO call_policy_extension (account_id, extension_number, class_of_service)
                VALUES (?, ?, ?)""")) {
      int pending = 0;
      for (Map.Entry<ExtensionNumber, ExtensionType> e : extensions.entrySet()) {
        insert.setLong(1, accountId);
        insert.setString(2, e.getKey().digits());
        insert.setString(3, ClassOfService.defaultFor(e.getValue()).name());
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing extension policies failed", e);
    }
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
