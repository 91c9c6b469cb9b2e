package io.dialtone.identity.control;

import io.dialtone.account.entity.Account;
import io.dialtone.identity.entity.OneTimeToken;
import io.dialtone.identity.entity.RecoveryCode;
import io.dialtone.identity.entity.Role;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.identity.entity.UserStatus;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First-run setup without a default password (SECURITY.md A6): while no platform administrator
 * exists, each start voids any unused setup link and issues a new one (256 random bits, stored as
 * SHA-256, single use, expiring). Completing setup consumes the link atomically and creates the
 * administrator with password, TOTP secret and recovery codes in one transaction.
 */
@ApplicationScoped
public class SetupLinks {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "dialtone.setup.link-hours", defaultValue = "24")
  int linkHours;

  /** A new setup link token when no platform administrator exists yet; older unused links die. */
  @Transactional
  public Optional<String> issueIfNoAdministrator() {
    if (administratorExists()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    em.createNativeQuery(
            """
                UPDATE one_time_token SET voided_at = ?1
                WHERE purpose = 'SETUP' AND used_at IS NULL AND voided_at IS NULL""")
        .setParameter(1, Timestamp.from(now))
        .executeUpdate();
    String token = SecureTokens.newToken(256);
    em.persist(
        new OneTimeToken(
            TokenPurpose.SETUP,
            SecureTokens.sha256Hex(token),
            null,
            now,
            now.plus(Duration.ofHours(linkHours))));
    return Optional.of(token);
  }

  /** Whether {@code token} is a setup link that can still be used. */
  @Transactional
  public boolean isUsable(String token) {
    if (token == null || token.isBlank() || token.length() > 128 || administratorExists()) {
      return false;
    }
    return !em.createNativeQuery(
            """
                SELECT id FROM one_time_token WHERE token_hash = ?1 AND purpose = 'SETUP'
                AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?2""")
        .setParameter(1, SecureTokens.sha256Hex(token))
        .setParameter(2, Timestamp.from(clock.instant()))
        .getResultList()
        .isEmpty();
  }

  /**
   * Consumes the link and creates the platform administrator, or throws {@link SetupLinkInvalid}
   * and changes nothing. Returns the new user's id.
   */
  @Transactional(rollbackOn = SetupLinkInvalid.class)
  public long complete(String token, EnrolledCredentials credentials) throws SetupLinkInvalid {
    Instant now = clock.instant();
    int consumed =
        em.createNativeQuery(
                """
                    UPDATE one_time_token SET used_at = ?1 WHERE token_hash = ?2 AND purpose = 'SETUP'
                    AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?1""")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, SecureTokens.sha256Hex(token == null ? "" : token))
            .executeUpdate();
    if (consumed != 1 || administratorExists()) {
      throw new SetupLinkInvalid();
    }
    User admin =
        User.enrolled(
            Account.PLATFORM_ID,
            credentials.email(),
            credentials.displayName(),
            credentials.passwordHash(),
            credentials.totpSecretCiphertext(),
            credentials.acceptedStep(),
            Set.of(Role.PLATFORM_ADMIN),
            now);
    em.persist(admin);
    em.flush();
    for (String hash : credentials.recoveryCodeHashes()) {
      em.persist(new RecoveryCode(admin.getId(), hash));
    }
    return admin.getId();
  }

  private boolean administratorExists() {
    return em.createNamedQuery(User.COUNT_ACTIVE_WITH_ROLE, Long.class)
            .setParameter("role", Role.PLATFORM_ADMIN)
            .setParameter("status", UserStatus.ACTIVE)
            .getSingleResult()
        > 0;
  }

  /** Everything the enrolment pages collected, already hashed or encrypted. */
  public record EnrolledCredentials(
      String email,
      String displayName,
      String passwordHash,
      String totpSecretCiphertext,
      long acceptedStep,
      List<String> recoveryCodeHashes) {}
}
