package io.dialtone.it;

import io.dialtone.identity.control.TotpCodes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An authenticator app for tests: codes for a secret, remembering for each secret the latest step
 * it made a code for, so that a fresh code never repeats a step the server may have seen (each step
 * is accepted once).
 */
final class Totp {

  private static final TotpCodes CODES = new TotpCodes();

  /** Seconds a step must still last for a code of it to reach the server within it. */
  private static final int MARGIN_SECONDS = 4;

  private static final Map<String, Long> LATEST = new ConcurrentHashMap<>();

  private Totp() {}

  static long currentStep() {
    return TotpCodes.stepAt(Instant.now());
  }

  static String codeAt(String secret, long step) {
    LATEST.merge(secret, step, Math::max);
    return CODES.codeAt(secret, step);
  }

  /**
   * A code for a step after every step a code was made for with {@code secret}: the step before the
   * current one while it is unused (as a phone whose clock runs a few seconds slow: the server
   * accepts one step back), else the current one, else it waits for the next. Never in the last
   * seconds of a step, so the server checks it against the step it was made for. A sign-in right
   * after an enrolment thus needs no wait.
   */
  static synchronized String freshCode(String secret) {
    try {
      while (true) {
        Instant now = Instant.now();
        long current = TotpCodes.stepAt(now);
        long left =
            TotpCodes.PERIOD_SECONDS
                - Math.floorMod(now.getEpochSecond(), TotpCodes.PERIOD_SECONDS);
        if (left < MARGIN_SECONDS) {
          stepAfter(current);
          continue;
        }
        long step = Math.max(current - 1, LATEST.getOrDefault(secret, Long.MIN_VALUE) + 1);
        if (step <= current) {
          return codeAt(secret, step);
        }
        stepAfter(current);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a TOTP step", e);
    }
  }

  /**
   * The current step when it lasts at least {@code seconds} more, else the next one once it begins:
   * the server accepts a code of it for {@code seconds} + one period or longer.
   */
  static long stepLastingAtLeast(int seconds) throws InterruptedException {
    Instant now = Instant.now();
    long left =
        TotpCodes.PERIOD_SECONDS - Math.floorMod(now.getEpochSecond(), TotpCodes.PERIOD_SECONDS);
    long current = TotpCodes.stepAt(now);
    return left >= seconds ? current : stepAfter(current);
  }

  /** Waits until a time step after {@code usedStep} begins and returns its number. */
  static long stepAfter(long usedStep) throws InterruptedException {
    while (currentStep() <= usedStep) {
      Thread.sleep(250);
    }
    return currentStep();
  }
}
