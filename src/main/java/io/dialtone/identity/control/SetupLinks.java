package io.dialtone.identity.control;

import io.dialtone.identity.entity.RecoveryCode;
import io.dialtone.identity.entity.TokenPurpose;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
@Transactional(dontRollbackOn = RuntimeException.class)
public class SetupLinks {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  private static final Set<TokenPurpose> SETUP = Set.of(TokenPurpose.SETUP);

  @Inject Clock clock;
  @Inject OneTimeLinks links;

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
    links.voidAllOpen(TokenPurpose.SETUP, now);
    String token = links.issue(TokenPurpose.SETUP, null, null, now, Duration.ofHours(linkHours));
    return Optional.of(token);
  }

  /** Whether {@code token} is a setup link that can still be used. */
  @Transactional
  public boolean isUsable(String token) {
    return !administratorExists() && links.findOpen(SETUP, token, clock.instant()).isPresent();
  }

  /**
   * Consumes the link and creates the platform administrator, or throws {@link SetupLinkInvalid}
   * and changes nothing. Returns the new user's id.
   */
  @Transactional(rollbackOn = SetupLinkInvalid.class)
  public long complete(String token, EnrolledCredentials credentials) throws SetupLinkInvalid {
    Instant now = clock.instant();
    if (links.consume(SETUP, token, now).isEmpty() || administratorExists()) {
      throw new SetupLinkInvalid();
    }
    User admin =
        User.enrolled(
            AccountScope.PLATFORM_ACCOUNT_ID,
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
