package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Disables users inactive for too long (SECURITY.md A8, PCI 8.2.6): every ACTIVE user whose last
 * sign-in, or creation when they never signed in, is more than {@code dialtone.users.inactive-days}
 * (90) days before {@code now}. PENDING users are left alone: an invitation has its own expiry and
 * an unused one never gave access; DISABLED users already are. Platform administrators are
 * included, but the sweep never disables the last active one (nobody could then sign in to
 * re-enable anybody, and first-run setup would reopen): when every active platform administrator is
 * due, the one active most recently is kept, and the skip is audited ({@code
 * USER_DISABLED_INACTIVE}, DENIED) and logged.
 *
 * <p>One transaction per run; each disabled user gets status DISABLED and a new session epoch
 * (every session ends, C5) and one audit row with actor {@code system}. The time comes as a
 * parameter, so a test can run the sweep "91 days later".
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class InactivitySweep {

  private static final Logger LOG = Logger.getLogger(InactivitySweep.class.getName());
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "dialtone.users.inactive-days", defaultValue = "90")
  int inactiveDays;

  /** What one run did: the users disabled and the administrator kept, if any. */
  public record Result(List<Long> disabled, List<Long> keptAsLastAdministrator) {}

  /** Disables the users inactive at {@code now}; see the class comment. */
  @Transactional
  public Result sweep(Instant now) {
    Instant cutoff = now.minus(Duration.ofDays(inactiveDays));
    List<User> due =
        ids(
                """
                SELECT id FROM app_user WHERE status = 'ACTIVE'
                AND COALESCE(last_sign_in_at, created_at) < ?1 ORDER BY id FOR UPDATE""",
                cutoff)
            .stream()
            .map(id -> em.find(User.class, id))
            .toList();
    User kept = lastAdministratorAmong(due, cutoff);
    List<Long> disabled =
        due.stream()
            .filter(user -> user != kept)
            .map(
                user -> {
                  user.disable();
                  record(user, AuditResult.SUCCESS, "no sign-in since " + since(user));
                  return user.getId();
                })
            .toList();
    if (kept != null) {
      record(
          kept,
          AuditResult.DENIED,
          "no sign-in since " + since(kept) + "; kept: last active platform administrator");
      LOG.warning(
          () ->
              "Inactivity sweep kept user:"
                  + kept.getId()
                  + " active: the last active platform administrator; sign in or add another");
    }
    if (!disabled.isEmpty()) {
      LOG.info(() -> "Inactivity sweep disabled " + disabled.size() + " user(s)");
    }
    return new Result(disabled, kept == null ? List.of() : List.of(kept.getId()));
  }

  /** The platform administrator to keep when every active one is among {@code due}, else null. */
  private User lastAdministratorAmong(List<User> due, Instant cutoff) {
    List<User> dueAdmins =
        due.stream().filter(user -> user.getRoles().contains(Role.PLATFORM_ADMIN)).toList();
    if (dueAdmins.isEmpty()) {
      return null;
    }
    long activeAdmins =
        ((Number)
                em.createNativeQuery(
                        """
                        SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
                        WHERE r.role = 'PLATFORM_ADMIN' AND u.status = 'ACTIVE'""")
                    .getSingleResult())
            .longValue();
    if (activeAdmins > dueAdmins.size()) {
      return null;
    }
    return dueAdmins.stream().max(Comparator.comparing(InactivitySweep::lastActive)).orElseThrow();
  }

  private List<Long> ids(String sql, Instant cutoff) {
    return em
        .createNativeQuery(sql)
        .setParameter(1, Timestamp.from(cutoff))
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  private static Instant lastActive(User user) {
    return user.getLastSignInAt() != null ? user.getLastSignInAt() : user.getCreatedAt();
  }

  private String since(User user) {
    return DAY.format(lastActive(user))
        + (user.getLastSignInAt() == null ? " (never signed in; created then)" : "")
        + ", more than "
        + inactiveDays
        + " days";
  }

  private void record(User user, AuditResult result, String detail) {
    audit.record(
        AuditRecord.builder(AuditAction.USER_DISABLED_INACTIVE, result)
            .actor("system")
            .target(SignedInUser.actorOf(user.getId()))
            .account(user.getAccountId())
            .detail(detail)
            .build());
  }
}
