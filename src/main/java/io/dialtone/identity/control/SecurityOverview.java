package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditEntry;
import io.dialtone.audit.control.AuditQuery;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sign-in and security activity for the dashboards, read from the audit trail of the caller's
 * scope: their subtree's accounts, or everything (also events tied to no account, such as sign-ins
 * with an unknown e-mail) for the platform. Each read checks its permission.
 */
@ApplicationScoped
public class SecurityOverview {

  /** What a platform administrator watches: refusals, lockouts, throttling, chain checks. */
  public static final Set<AuditAction> SECURITY_ACTIONS =
      Collections.unmodifiableSet(
          EnumSet.of(
              AuditAction.SIGN_IN_FAILED,
              AuditAction.TOTP_REPLAY,
              AuditAction.ACCOUNT_LOCKED,
              AuditAction.SIGN_IN_THROTTLED,
              AuditAction.PASSWORD_RESET_THROTTLED,
              AuditAction.SETUP_TOKEN_REJECTED,
              AuditAction.ACCESS_DENIED,
              AuditAction.AUDIT_CHAIN_VERIFIED));

  /** A user's own sign-in history. */
  public static final Set<AuditAction> SIGN_IN_ACTIONS =
      Collections.unmodifiableSet(
          EnumSet.of(
              AuditAction.SIGN_IN_PASSWORD,
              AuditAction.SIGN_IN_MFA,
              AuditAction.SIGN_IN_RECOVERY_CODE,
              AuditAction.SIGN_IN_FAILED,
              AuditAction.TOTP_REPLAY,
              AuditAction.ACCOUNT_LOCKED,
              AuditAction.SIGN_OUT));

  @Inject AccessControl access;
  @Inject AccountScope scopes;
  @Inject AuditQuery audit;
  @Inject Clock clock;

  /** How far back "recent" security events go (the page says so: home.security.empty). */
  public static final Duration RECENT = Duration.ofDays(30);

  /** The newest security events of the caller's scope within {@link #RECENT}, newest first. */
  @Transactional
  public List<AuditEntry> recentSecurityEvents(@Min(1) @Max(AuditQuery.MAX_RESULTS) int max) {
    SignedInUser caller = access.require(Permission.VIEW_AUDIT);
    return audit.recent(
        SECURITY_ACTIONS, scopes.scopeOf(caller.accountId()), clock.instant().minus(RECENT), max);
  }

  /** Completed and failed sign-ins of the caller's scope on each of the last {@code days} days. */
  @Transactional
  public SignInSeries signInsPerDay(@Min(1) @Max(366) int days) {
    SignedInUser caller = access.require(Permission.VIEW_AUDIT);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    return SignInSeries.of(
        first,
        days,
        audit.dailyCounts(
            SignInSeries.actions(),
            scopes.scopeOf(caller.accountId()),
            first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /** The caller's own recent sign-in activity, newest first. */
  @Transactional
  public List<AuditEntry> ownSignIns(@Min(1) @Max(AuditQuery.MAX_RESULTS) int max) {
    SignedInUser caller = access.require(Permission.VIEW_OWN_PROFILE);
    return audit.recentForActor(caller.actor(), SIGN_IN_ACTIONS, max);
  }

  /** What the caller did recently apart from signing in and out, newest first. */
  @Transactional
  public List<AuditEntry> ownOtherActions(@Min(1) @Max(AuditQuery.MAX_RESULTS) int max) {
    SignedInUser caller = access.require(Permission.VIEW_OWN_PROFILE);
    return audit.recentForActor(
        caller.actor(), EnumSet.complementOf(EnumSet.copyOf(SIGN_IN_ACTIONS)), max);
  }
}
