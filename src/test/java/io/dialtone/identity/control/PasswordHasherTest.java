package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Every way a sign-in can fail costs one derivation (SECURITY.md A7): a wrong password, an
   * unknown user (the dummy) and a user without a password yet (invited, not enrolled) or with an
   * unreadable one. Measured on a busy machine: the three kinds run interleaved, so a load spike
   * slows all of them, and medians are compared by ratio, never against a number of milliseconds. A
   * skipped derivation costs well under a tenth of a real one, far outside the bounds.
   */
  @Test
  void everyFailedVerificationCostsAboutAsMuchAsARealOne() {
    PasswordHasher hasher = new PasswordHasher(50_000);
    char[] password = "correct horse 42".toCharArray();
    char[] wrong = "correct horse 43".toCharArray();
    String stored = hasher.hash(password);
    Map<String, Runnable> kinds = new LinkedHashMap<>();
    kinds.put("wrong password", () -> hasher.verify(wrong, stored));
    kinds.put("unknown user", () -> hasher.burnDummyVerification(wrong));
    kinds.put("no password yet", () -> hasher.verify(wrong, null));
    kinds.put("unreadable hash", () -> hasher.verify(wrong, "not a hash"));

    Map<String, Long> medians = interleavedMedians(kinds, 9);

    long real = medians.get("wrong password");
    assertThat(medians)
        .allSatisfy(
            (kind, median) ->
                assertThat((double) median)
                    .as("%s against a wrong password: %s ns", kind, medians)
                    .isBetween(real * 0.5, real * 2.0));
  }

  /** Runs every kind once per round, in a new order each round, then takes each kind's median. */
  private static Map<String, Long> interleavedMedians(Map<String, Runnable> kinds, int rounds) {
    kinds.values().forEach(Runnable::run); // warm-up
    Map<String, long[]> times = new LinkedHashMap<>();
    kinds.keySet().forEach(kind -> times.put(kind, new long[rounds]));
    List<String> order = new ArrayList<>(kinds.keySet());
    for (int round = 0; round < rounds; round++) {
      Collections.rotate(order, 1);
      for (String kind : order) {
        long start = System.nanoTime();
        kinds.get(kind).run();
        times.get(kind)[round] = System.nanoTime() - start;
      }
    }
    Map<String, Long> medians = new LinkedHashMap<>();
    times.forEach(
        (kind, values) -> {
          Arrays.sort(values);
          medians.put(kind, values[rounds / 2]);
        });
    return medians;
  }
}
