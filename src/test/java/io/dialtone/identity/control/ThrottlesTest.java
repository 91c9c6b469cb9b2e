package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The per-address throttles with their real limiter and their production limits (SECURITY.md A5):
 * the shared black-box server raises the sign-in limit far above anything a test reaches, so this
 * is where the sign-in and enrolment limits are proved to bite.
 */
class ThrottlesTest {

  private static final String IP = "198.51.100.7";
  private static final String OTHER_IP = "198.51.100.8";

  private final MovableClock clock = new MovableClock();
  private final List<AuditRecord> audited = new ArrayList<>();
  private final Throttles throttles = throttles();

  @Test
  void theThirtyFirstSignInInTenMinutesFromOneAddressIsRefusedAndAuditedOnce() {
    assertLimit(throttles::allowSignIn, 30, Duration.ofMinutes(10), AuditAction.SIGN_IN_THROTTLED);
  }

  @Test
  void theTwentyFirstEnrolmentLinkInTenMinutesFromOneAddressIsRefusedAndAuditedOnce() {
    assertLimit(
        throttles::allowEnrolment, 20, Duration.ofMinutes(10), AuditAction.ENROLMENT_THROTTLED);
  }

  @Test
  void theSixthResetRequestInAnHourFromOneAddressIsRefusedAndAuditedOnce() {
    assertLimit(
        throttles::allowResetRequest, 5, Duration.ofHours(1), AuditAction.PASSWORD_RESET_THROTTLED);
  }

  @Test
  void eachThrottleCountsOnItsOwn() {
    for (int i = 0; i < 30; i++) {
      throttles.allowSignIn(IP);
    }
    assertThat(throttles.allowSignIn(IP)).isFalse();
    assertThat(throttles.allowEnrolment(IP)).isTrue();
    assertThat(throttles.allowResetRequest(IP)).isTrue();
  }

  private void assertLimit(
      Predicate<String> attempt, int limit, Duration window, AuditAction action) {
    for (int i = 0; i < limit; i++) {
      assertThat(attempt.test(IP)).as("attempt %d", i + 1).isTrue();
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(attempt.test(IP)).as("attempt %d", limit + 1).isFalse();
    assertThat(attempt.test(IP)).as("attempt %d", limit + 2).isFalse();
    assertThat(attempt.test(OTHER_IP)).as("another address").isTrue();
    assertThat(audited)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.action()).isEqualTo(action);
              assertThat(record.result()).isEqualTo(AuditResult.DENIED);
              assertThat(record.sourceIp()).isEqualTo(IP);
            });

    clock.advance(window);
    assertThat(attempt.test(IP)).as("once the window has passed").isTrue();
  }

  /** Throttles as CDI builds them when nothing is configured: each property's default. */
  private Throttles throttles() {
    Throttles built = new Throttles();
    built.audit =
        new AuditTrail() {
          @Override
          public void record(AuditRecord given) {
            audited.add(given);
          }
        };
    built.clock = clock;
    for (Field field : Throttles.class.getDeclaredFields()) {
      ConfigProperty property = field.getAnnotation(ConfigProperty.class);
      if (property != null) {
        try {
          field.setInt(built, Integer.parseInt(property.defaultValue()));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    built.create();
    return built;
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
