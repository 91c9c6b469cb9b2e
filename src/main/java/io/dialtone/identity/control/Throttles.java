package io.dialtone.identity.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.platform.control.SlidingWindowLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-IP throttling of the public endpoints that cost a password hash or send mail (SECURITY.md A5:
 * the per-user lockout alone would let one attacker lock everybody out). Checked by the boundary
 * before any work. The first refusal of an address in a row is audited (not every one: a flood must
 * not flood the audit trail too).
 */
@ApplicationScoped
public class Throttles {

  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.signin.limit", defaultValue = "30")
  int signInLimit;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.signin.window-minutes", defaultValue = "10")
  int signInWindowMinutes;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.forgot.limit", defaultValue = "5")
  int forgotLimit;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.forgot.window-minutes", defaultValue = "60")
  int forgotWindowMinutes;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.enrol.limit", defaultValue = "20")
  int enrolLimit;

  @Inject
  @ConfigProperty(name = "dialtone.throttle.enrol.window-minutes", defaultValue = "10")
  int enrolWindowMinutes;

  private SlidingWindowLimiter enrol;
  private SlidingWindowLimiter signIn;
  private SlidingWindowLimiter forgot;

  @PostConstruct
  void create() {
    signIn = new SlidingWindowLimiter(signInLimit, Duration.ofMinutes(signInWindowMinutes), clock);
    forgot = new SlidingWindowLimiter(forgotLimit, Duration.ofMinutes(forgotWindowMinutes), clock);
    enrol = new SlidingWindowLimiter(enrolLimit, Duration.ofMinutes(enrolWindowMinutes), clock);
  }

  /** One password sign-in attempt from {@code sourceIp}: false when it must be refused. */
  public boolean allowSignIn(String sourceIp) {
    return decide(
        signIn, sourceIp, AuditAction.SIGN_IN_THROTTLED, signInLimit, signInWindowMinutes);
  }

  /** One password reset request from {@code sourceIp}: false when it must be refused. */
  public boolean allowResetRequest(String sourceIp) {
    return decide(
        forgot, sourceIp, AuditAction.PASSWORD_RESET_THROTTLED, forgotLimit, forgotWindowMinutes);
  }

  /** One enrolment-link (invitation, MFA reset) opening from {@code sourceIp}. */
  public boolean allowEnrolment(String sourceIp) {
    return decide(enrol, sourceIp, AuditAction.ENROLMENT_THROTTLED, enrolLimit, enrolWindowMinutes);
  }

  private boolean decide(
      SlidingWindowLimiter limiter, String ip, AuditAction action, int limit, int minutes) {
    SlidingWindowLimiter.Verdict verdict = limiter.attempt(ip);
    if (verdict == SlidingWindowLimiter.Verdict.REFUSED_FIRST) {
      audit.record(
          AuditRecord.builder(action, AuditResult.DENIED)
              .sourceIp(ip)
              .detail("more than " + limit + " attempts in " + minutes + " min from this address")
              .build());
    }
    return verdict.allowed();
  }
}
