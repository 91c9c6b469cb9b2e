package io.dialtone.incontainer;

import io.dialtone.account.entity.Account;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.RecoveryCodes;
import io.dialtone.identity.control.SetupLinks.EnrolledCredentials;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.identity.entity.RecoveryCode;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * In-container fixture: every test seeds its own users, with random credentials, so no test depends
 * on another's rows. Passwords are hashed and TOTP secrets encrypted by the application's own beans
 * (its data key). Also reads and resets the identity state a test must check or start from.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class SeededUsers {

  /** A seeded user and the secrets a test needs to sign in as them. */
  public record Seeded(
      long id, String email, String password, String totpSecret, List<String> recoveryCodes) {
    public String actor() {
      return "user:" + id;
    }
  }

  /** What an administrator would type during first-run setup, and what the control receives. */
  public record Enrolment(String password, EnrolledCredentials credentials) {}

  /** The sign-in counters of a user as committed in the database. */
  public record SignInState(int failedAttempts, boolean locked, Long totpLastStep) {}

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject DataCipher cipher;
  @Inject Clock clock;

  /** A new active customer admin, in a new customer account below a new reseller, TOTP enrolled. */
  @Transactional
  public Seeded customerAdmin() {
    String unique = unique();
    long reseller = insertAccount(Account.PLATFORM_ID, "RESELLER", "Reseller " + unique);
    long customer = insertAccount(reseller, "CUSTOMER", "Customer " + unique);
    String password = randomPassword();
    String secret = TotpCodes.newSecret();
    List<String> codes = RecoveryCodes.generate();
    User user =
        User.enrolled(
            customer,
            "admin-" + unique + "@example.test",
            "Admin " + unique,
            hasher.hash(password.toCharArray()),
            cipher.encrypt(secret),
            0L,
            Set.of(Role.CUSTOMER_ADMIN),
            clock.instant());
    em.persist(user);
    em.flush();
    codes.forEach(code -> em.persist(new RecoveryCode(user.getId(), RecoveryCodes.hash(code))));
    return new Seeded(user.getId(), user.getEmail(), password, secret, codes);
  }

  /** A new active, TOTP-enrolled user with {@code role} in account {@code accountId}. */
  @Transactional
  public Seeded user(Role role, long accountId) {
    String unique = unique();
    String password = randomPassword();
    String secret = TotpCodes.newSecret();
    User user =
        User.enrolled(
            accountId,
            role.name().toLowerCase(java.util.Locale.ROOT) + "-" + unique + "@example.test",
            "User " + unique,
            hasher.hash(password.toCharArray()),
            cipher.encrypt(secret),
            0L,
            Set.of(role),
            clock.instant());
    em.persist(user);
    em.flush();
    return new Seeded(user.getId(), user.getEmail(), password, secret, List.of());
  }

  /**
   * Status, roles and session epoch of {@code userId} as committed, e.g. "ACTIVE CUSTOMER_USER 0".
   */
  @Transactional
  public String snapshot(long userId) {
    return String.valueOf(
        em.createNativeQuery(
                "SELECT CONCAT_WS(' ', u.status, GROUP_CONCAT(r.role ORDER BY r.role),"
                    + " u.session_epoch, u.totp_secret IS NULL) FROM app_user u"
                    + " LEFT JOIN user_role r ON r.user_id = u.id WHERE u.id = ?1 GROUP BY u.id")
            .setParameter(1, userId)
            .getSingleResult());
  }

  /** How many users have this e-mail address (0 or 1). */
  @Transactional
  public long countWithEmail(String email) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM app_user WHERE email = ?1")
                .setParameter(1, email)
                .getSingleResult())
        .longValue();
  }

  /** Fresh first-run setup input for a new administrator. */
  public Enrolment enrolment() {
    String unique = unique();
    String password = randomPassword();
    return new Enrolment(
        password,
        new EnrolledCredentials(
            "root-" + unique + "@example.test",
            "Root " + unique,
            hasher.hash(password.toCharArray()),
            cipher.encrypt(TotpCodes.newSecret()),
            TotpCodes.stepAt(clock.instant()),
            RecoveryCodes.generate().stream().map(RecoveryCodes::hash).toList()));
  }

  /** Disables every active platform administrator, so that first-run setup is open again. */
  @Transactional
  public void retireAdministrators() {
    em.createNativeQuery(
            "UPDATE app_user SET status = 'DISABLED' WHERE status = 'ACTIVE' "
                + "AND id IN (SELECT user_id FROM user_role WHERE role = 'PLATFORM_ADMIN')")
        .executeUpdate();
  }

  /** The counters of {@code userId}, read from the database, not from any persistence context. */
  @Transactional
  public SignInState state(long userId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT failed_attempts, locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP(6), "
                        + "totp_last_step FROM app_user WHERE id = ?1")
                .setParameter(1, userId)
                .getSingleResult();
    return new SignInState(
        ((Number) row[0]).intValue(),
        ((Number) row[1]).intValue() == 1,
        row[2] == null ? null : ((Number) row[2]).longValue());
  }

  /** A user invited into a new customer account who has not enrolled: no password yet. */
  @Transactional
  public String invited() {
    String unique = unique();
    long reseller = insertAccount(Account.PLATFORM_ID, "RESELLER", "Reseller " + unique);
    long customer = insertAccount(reseller, "CUSTOMER", "Customer " + unique);
    User user =
        User.invited(
            customer,
            "invited-" + unique + "@example.test",
            null,
            Set.of(Role.CUSTOMER_USER),
            clock.instant());
    em.persist(user);
    em.flush();
    return user.getEmail();
  }

  /** How many audit events of {@code action} name {@code sourceIp}. */
  @Transactional
  public long auditCount(String action, String sourceIp) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = ?1 AND source_ip = ?2")
                .setParameter(1, action)
                .setParameter(2, sourceIp)
                .getSingleResult())
        .longValue();
  }

  /** A unique, valid e-mail address that no user has. */
  public String unknownEmail() {
    return "nobody-" + unique() + "@example.test";
  }

  private long insertAccount(long parentId, String kind, String name) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO account (parent_id, kind, name, status, created_at) "
                        + "VALUES (?1, ?2, ?3, 'ACTIVE', UTC_TIMESTAMP(6)) RETURNING id")
                .setParameter(1, parentId)
                .setParameter(2, kind)
                .setParameter(3, name)
                .getSingleResult())
        .longValue();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 13);
  }

  private static String randomPassword() {
    return "Pw1-" + SecureTokens.newToken(128);
  }
}
