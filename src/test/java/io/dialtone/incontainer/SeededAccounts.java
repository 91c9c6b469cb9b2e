package io.dialtone.incontainer;

import io.dialtone.account.entity.Account;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * In-container fixture of the account tests: two resellers with two customers each (fresh rows per
 * test), a caller put into the test request's session as if signed in, and reads of committed
 * account state.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SeededAccounts {

  /** Two tenants: reseller A with customers A1, A2 and reseller B with customers B1, B2. */
  public record Tenants(long a, long a1, long a2, long b, long b1, long b2) {}

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject HttpServletRequest request;

  @Transactional
  public Tenants tenants() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long a = insert(Account.PLATFORM_ID, "RESELLER", "Reseller A " + unique);
    long b = insert(Account.PLATFORM_ID, "RESELLER", "Reseller B " + unique);
    return new Tenants(
        a,
        insert(a, "CUSTOMER", "Customer A1 " + unique),
        insert(a, "CUSTOMER", "Customer A2 " + unique),
        b,
        insert(b, "CUSTOMER", "Customer B1 " + unique),
        insert(b, "CUSTOMER", "Customer B2 " + unique));
  }

  /**
   * Makes the current request's session signed in as a user with {@code role} in {@code account}.
   */
  public String signInAs(Role role, long accountId) {
    long userId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    SignedInUser user =
        new SignedInUser(
            userId, "t@example.test", "Test", accountId, Set.of(role), Instant.now(), 0, null);
    request.getSession(true).setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
    return user.actor();
  }

  @Transactional
  public String status(long accountId) {
    return (String)
        em.createNativeQuery("SELECT status FROM account WHERE id = ?1")
            .setParameter(1, accountId)
            .getSingleResult();
  }

  @Transactional
  public String name(long accountId) {
    return (String)
        em.createNativeQuery("SELECT name FROM account WHERE id = ?1")
            .setParameter(1, accountId)
            .getSingleResult();
  }

  @Transactional
  public long accountCount() {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM account").getSingleResult())
        .longValue();
  }

  @Transactional
  public void setCaps(long accountId, String dailySpend, Integer concurrentCalls) {
    em.createNativeQuery(
            "UPDATE account SET daily_spend_cap = ?1, concurrent_calls_cap = ?2 WHERE id = ?3")
        .setParameter(1, dailySpend == null ? null : new java.math.BigDecimal(dailySpend))
        .setParameter(2, concurrentCalls)
        .setParameter(3, accountId)
        .executeUpdate();
  }

  private long insert(long parent, String kind, String name) {
    em.createNativeQuery(
            "INSERT INTO account (parent_id, kind, name, status, created_at) "
                + "VALUES (?1, ?2, ?3, 'ACTIVE', UTC_TIMESTAMP(6))")
        .setParameter(1, parent)
        .setParameter(2, kind)
        .setParameter(3, name)
        .executeUpdate();
    return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
  }
}
