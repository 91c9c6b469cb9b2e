package io.dialtone.it;

import io.dialtone.identity.control.TotpCodes;
import java.time.Instant;

/** An authenticator app for tests: codes for a secret, waiting for a fresh time step if asked. */
final class Totp {

  private static final TotpCodes CODES = new TotpCodes();

  private Totp() {}

  static long currentStep() {
    return TotpCodes.stepAt(Instant.now());
  }

  static String codeAt(String secret, long step) {
    return CODES.codeAt(secret, step);
  }

  /** Waits until a time step after {@code usedStep} begins and returns its number. */
  static long stepAfter(long usedStep) throws InterruptedException {
    while (currentStep() <= usedStep) {
      Thread.sleep(250);
    }
    return currentStep();
  }
}
