package io.dialtone.incontainer;

import io.dialtone.account.entity.Account;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.StepUpMark;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import io.dialtone.platform.control.DataCipher;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * In-container fixture of the own-credentials tests: signs a seeded user in to the test request's
 * session, plants a step-up mark of a chosen age, moves users' activity dates into the past, and
 * reads committed state (status, session epoch, e-mail, tokens, recovery codes).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class CredentialFixtures {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject HttpServletRequest request;
  @Inject PasswordHasher hasher;
  @Inject DataCipher cipher;
  @Inject Clock clock;

  /** Makes the current request's session fully signed in as user {@code userId}, as of now. */
  @Transactional
  public SignedInUser signIn(long userId) {
    SignedInUser user = em.find(User.class, userId).signedInAt(clock.instant());
    request.getSession(true).setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
    return user;
  }

  /** The signed-in user of the current request's session. */
  public SignedInUser signedIn() {
    return SignedInUser.in(request.getSession(false)).orElseThrow();
  }

  /** Puts a step-up made at {@code at} by the session's user into the session. */
  public void plantStepUp(Instant at) {
    request.getSession().setAttribute(StepUpMark.SESSION_ATTRIBUTE, StepUpMark.of(signedIn(), at));
  }

  /** A new ACTIVE user with {@code role} in the platform account, TOTP enrolled. */
  @Transactional
  public long activeUser(Role role) {
    String unique = UUID.randomUUID().toString().substring(0, 13);
    User user =
        User.enrolled(
            Account.PLATFORM_ID,
            role.name().toLowerCase(java.util.Locale.ROOT) + "-" + unique + "@example.test",
            "Sweep " + unique,
            hasher.hash(("Pw1-" + SecureTokens.newToken(128)).toCharArray()),
            cipher.encrypt(TotpCodes.newSecret()),
            0L,
            Set.of(role),
            clock.instant());
    em.persist(user);
    em.flush();
    return user.getId();
  }

  /** A PENDING invitee (no password, no TOTP) created at {@code createdAt}; its id. */
  @Transactional
  public long pendingInvitee(Instant createdAt) {
    String unique = UUID.randomUUID().toString().substring(0, 13);
    em.createNativeQuery(
            "INSERT INTO app_user (account_id, email, status, created_at) VALUES (?1, ?2, 'PENDING', ?3)")
        .setParameter(1, Account.PLATFORM_ID)
        .setParameter(2, "invitee-" + unique + "@example.test")
        .setParameter(3, Timestamp.from(createdAt))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    em.createNativeQuery("INSERT INTO user_role (user_id, role) VALUES (?1, 'CUSTOMER_USER')")
        .setParameter(1, id)
        .executeUpdate();
    return id;
  }

  /** Sets when the user was created and last signed in ({@code null}: never). */
  @Transactional
  public void activity(long userId, Instant createdAt, Instant lastSignInAt) {
    em.createNativeQuery("UPDATE app_user SET created_at = ?1, last_sign_in_at = ?2 WHERE id = ?3")
        .setParameter(1, Timestamp.from(createdAt))
        .setParameter(2, lastSignInAt == null ? null : Timestamp.from(lastSignInAt))
        .setParameter(3, userId)
        .executeUpdate();
  }

  @Transactional
  public String status(long userId) {
    return (String) value("SELECT status FROM app_user WHERE id = ?1", userId);
  }

  @Transactional
  public long sessionEpoch(long userId) {
    return ((Number) value("SELECT session_epoch FROM app_user WHERE id = ?1", userId)).longValue();
  }

  @Transactional
  public String email(long userId) {
    return (String) value("SELECT email FROM app_user WHERE id = ?1", userId);
  }

  @Transactional
  public String totpSecretCiphertext(long userId) {
    return (String) value("SELECT totp_secret FROM app_user WHERE id = ?1", userId);
  }

  @Transactional
  public int failedAttempts(long userId) {
    return ((Number) value("SELECT failed_attempts FROM app_user WHERE id = ?1", userId))
        .intValue();
  }

  /** Open (unused, not voided) e-mail change links of the user, with their payload. */
  @Transactional
  public java.util.List<String> openEmailChangePayloads(long userId) {
    return em
        .createNativeQuery(
            """
            SELECT payload FROM one_time_token WHERE user_id = ?1 AND purpose = 'EMAIL_CHANGE'
            AND used_at IS NULL AND voided_at IS NULL AND expires_at > UTC_TIMESTAMP(6)
            ORDER BY id""")
        .setParameter(1, userId)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  @Transactional
  public long recoveryCodes(long userId) {
    return ((Number) value("SELECT COUNT(*) FROM recovery_code WHERE user_id = ?1", userId))
        .longValue();
  }

  /** Disables every active platform administrator, so that a test controls who is one. */
  @Transactional
  public void retireAdministrators() {
    em.createNativeQuery(
            "UPDATE app_user SET status = 'DISABLED' WHERE status = 'ACTIVE' "
                + "AND id IN (SELECT user_id FROM user_role WHERE role = 'PLATFORM_ADMIN')")
        .executeUpdate();
  }

  /** The audit rows about {@code target}, oldest first, as "ACTION RESULT actor". */
  @Transactional
  public java.util.List<String> auditRowsAbout(String target) {
    java.util.List<?> rows =
        em.createNativeQuery(
                "SELECT action, result, actor FROM audit_event WHERE target = ?1 ORDER BY id")
            .setParameter(1, target)
            .getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .map(row -> row[0] + " " + row[1] + " " + row[2])
        .toList();
  }

  private Object value(String sql, long userId) {
    return em.createNativeQuery(sql).setParameter(1, userId).getSingleResult();
  }
}
