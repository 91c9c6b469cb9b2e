package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  /** Cheap cost for the format and logic tests; the real cost is checked once below. */
  private final PasswordHasher fast = new PasswordHasher(1_000);

  @Test
  void productionHashUsesTheRequiredParametersAndVerifies() {
    PasswordHasher hasher = new PasswordHasher();
    String stored = hasher.hash("correct horse 42".toCharArray());

    assertThat(stored).matches("pbkdf2-sha512\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}");
    assertThat(hasher.verify("correct horse 42".toCharArray(), stored)).isTrue();
    assertThat(hasher.needsRehash(stored)).isFalse();
  }

  @Test
  void storedValueHasSaltAndKeyOfTheRequiredSizes() {
    String[] parts = fast.hash("pw".toCharArray()).split("\\$");

    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha512");
    assertThat(parts[1]).isEqualTo("1000");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(64);
  }

  @Test
  void wrongPasswordFails() {
    String stored = fast.hash("correct horse 42".toCharArray());

    assertThat(fast.verify("correct horse 43".toCharArray(), stored)).isFalse();
    assertThat(fast.verify("".toCharArray(), stored)).isFalse();
  }

  @Test
  void samePasswordGetsADifferentSaltEachTime() {
    char[] password = "correct horse 42".toCharArray();

    assertThat(fast.hash(password)).isNotEqualTo(fast.hash(password));
  }

  @Test
  void nonAsciiPasswordRoundTrips() {
    char[] password = "m\u00f6t de p\u00e2sse \ud83d\udd11 2024".toCharArray();

    assertThat(fast.verify(password, fast.hash(password))).isTrue();
  }

  @Test
  void malformedStoredValuesVerifyFalse() {
    char[] password = "pw".toCharArray();
    String good = fast.hash(password);
    String[] parts = good.split("\\$");

    assertThat(fast.verify(password, null)).isFalse();
    assertThat(fast.verify(password, "")).isFalse();
    assertThat(fast.verify(password, "plain")).isFalse();
    assertThat(fast.verify(password, good.replace("pbkdf2-sha512", "pbkdf2-sha256"))).isFalse();
    assertThat(fast.verify(password, "pbkdf2-sha512$x$" + parts[2] + "$" + parts[3])).isFalse();
    assertThat(fast.verify(password, "pbkdf2-sha512$0$" + parts[2] + "$" + parts[3])).isFalse();
    assertThat(fast.verify(password, "pbkdf2-sha512$999999999$" + parts[2] + "$" + parts[3]))
        .isFalse();
    assertThat(fast.verify(password, "pbkdf2-sha512$1000$@@$" + parts[3])).isFalse();
    assertThat(fast.verify(password, good + "$extra")).isFalse();
  }

  @Test
  void needsRehashWhenIterationsAreBelowCurrent() {
    PasswordHasher weaker = new PasswordHasher(500);
    String old = weaker.hash("pw".toCharArray());

    assertThat(fast.needsRehash(old)).isTrue();
    assertThat(fast.needsRehash(fast.hash("pw".toCharArray()))).isFalse();
    assertThat(fast.needsRehash("garbage")).isTrue();
    assertThat(fast.verify("pw".toCharArray(), old)).isTrue();
  }

  @Test
  void legacyHashesAreFlaggedByTheProductionHasher() {
    String legacy = new PasswordHasher(2_048).hash("pw".toCharArray());

    assertThat(new PasswordHasher().needsRehash(legacy)).isTrue();
  }

  @Test
  void dummyVerificationCostsAboutAsMuchAsARealOne() {
    PasswordHasher hasher = new PasswordHasher(50_000);
    char[] password = "correct horse 42".toCharArray();
    String stored = hasher.hash(password);
    hasher.burnDummyVerification(password);
    hasher.verify(password, stored);

    long real = median(() -> hasher.verify(password, stored));
    long dummy = median(() -> hasher.burnDummyVerification(password));

    assertThat((double) dummy).isBetween(real * 0.4, real * 2.5);
  }

  private static long median(Runnable work) {
    long[] times = new long[5];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      work.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
