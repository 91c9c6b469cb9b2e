package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class NoncesTest {

  private final SipFixtures.MutableClock clock =
      new SipFixtures.MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
  private final Nonces nonces =
      new Nonces(secret, Duration.ofSeconds(300), clock, new SecureRandom());

  @Test
  void everyChallengeGetsItsOwnNonce() {
    assertThat(nonces.issue()).isNotEqualTo(nonces.issue());
  }

  @Test
  void aFreshNonceIsValidAndStaleAfterItsLife() {
    String nonce = nonces.issue();
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
    clock.advance(Duration.ofSeconds(300));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
    clock.advance(Duration.ofSeconds(1));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void anAlteredOrForeignNonceIsInvalid() {
    String nonce = nonces.issue();
    char[] chars = nonce.toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    assertThat(nonces.check(new String(chars))).isEqualTo(Nonces.Check.INVALID);
    Nonces other =
        new Nonces(
            "another secret of 32 bytes......".getBytes(),
            Duration.ofSeconds(300),
            clock,
            new SecureRandom());
    assertThat(nonces.check(other.issue())).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("")).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check(null)).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("x".repeat(nonce.length()))).isEqualTo(Nonces.Check.INVALID);
  }

  @Test
  void aNonceOfAnEarlierStartIsStale() {
    Nonces restarted = new Nonces(secret, Duration.ofSeconds(300), clock, new SecureRandom());
    assertThat(restarted.check(nonces.issue())).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void nonceCountsMustStrictlyIncrease() {
    String nonce = nonces.issue();
    assertThat(nonces.use(nonce, "00000001")).isTrue();
    assertThat(nonces.use(nonce, "00000001")).as("replay").isFalse();
    assertThat(nonces.use(nonce, "00000003")).isTrue();
    assertThat(nonces.use(nonce, "00000002")).as("lower").isFalse();
    assertThat(nonces.use(nonce, "0000000g")).isFalse();
    assertThat(nonces.use(nonce, "1")).isFalse();
    assertThat(nonces.use(nonce, "00000000")).isFalse();
    assertThat(nonces.use(nonces.issue(), "00000001")).as("another nonce").isTrue();
  }

  @Test
  void aNonceWhoseSlotANewerOneTookIsRefused() {
    String old = nonces.issue();
    for (int i = 1; i < Nonces.SLOTS; i++) {
      nonces.issue();
    }
    String newer = nonces.issue();
    assertThat(nonces.use(newer, "00000001")).isTrue();
    assertThat(nonces.use(old, "00000001")).isFalse();
  }

  @Test
  void aNonceRevealsNeitherACounterNorABootId() {
    int pairs = 2000;
    List<byte[]> issued = new ArrayList<>();
    for (int i = 0; i <= pairs; i++) {
      issued.add(Base64.getUrlDecoder().decode(nonces.issue()));
    }
    issued.add(Base64.getUrlDecoder().decode(restartedNonces().issue()));
    int length = issued.get(0).length;
    assertThat(issued).allSatisfy(raw -> assertThat(raw).hasSize(length));
    // Random bytes agree at one position in 1 pair of 256 (about 8 of 2000); a boot id, a serial's
    // high bytes or an expiry agree in every pair.
    for (int at = 0; at < length; at++) {
      int same = 0;
      for (int i = 0; i < pairs; i++) {
        same += issued.get(i)[at] == issued.get(i + 1)[at] ? 1 : 0;
      }
      assertThat(same).as("consecutive nonces agreeing at byte %d", at).isLessThan(40);
    }
    byte[] lastOfThisStart = issued.get(pairs);
    byte[] firstOfTheNext = issued.get(pairs + 1);
    int agreeing = 0;
    for (int at = 0; at < length; at++) {
      agreeing += lastOfThisStart[at] == firstOfTheNext[at] ? 1 : 0;
    }
    assertThat(agreeing).as("nonces of two starts sharing bytes").isLessThan(8);
    // No 4- or 8-byte window, in either byte order, counts up from one nonce to the next.
    for (int width : new int[] {4, 8}) {
      for (int at = 0; at + width <= length; at++) {
        int counting = 0;
        for (int i = 0; i < pairs; i++) {
          long step = window(issued.get(i + 1), at, width) - window(issued.get(i), at, width);
          counting += step >= 0 && step <= 16 ? 1 : 0;
        }
        assertThat(counting).as("a counter of %d bytes at %d", width, at).isLessThan(pairs / 10);
      }
    }
  }

  private Nonces restartedNonces() {
    return new Nonces(secret, Duration.ofSeconds(300), clock, new SecureRandom());
  }

  /** The bytes {@code at..at+width} of {@code raw} as an unsigned big-endian number. */
  private static long window(byte[] raw, int at, int width) {
    ByteBuffer buffer = ByteBuffer.wrap(raw, at, width);
    return width == 8 ? buffer.getLong() >>> 1 : Integer.toUnsignedLong(buffer.getInt());
  }

  @Test
  void everyAlteredByteOrBitMakesANonceInvalid() {
    String nonce = nonces.issue();
    byte[] raw = Base64.getUrlDecoder().decode(nonce);
    for (int at = 0; at < raw.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] altered = raw.clone();
        altered[at] ^= (byte) (1 << bit);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
        assertThat(nonces.check(forged))
            .as("byte %d bit %d", at, bit)
            .isEqualTo(Nonces.Check.INVALID);
        assertThat(nonces.use(forged, "00000001")).isFalse();
      }
    }
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.VALID);
    assertThat(nonces.use(nonce, "00000001")).isTrue();
  }

  @Test
  void threadsRacingOneNonceCountGetExactlyOneSuccess() throws Exception {
    int threads = 8;
    int rounds = 2000;
    String nonce = nonces.issue();
    AtomicIntegerArray successes = new AtomicIntegerArray(rounds + 1);
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int nc = 1; nc <= rounds; nc++) {
                    start.await(); // every thread tries this count, none a later one yet
                    if (nonces.use(nonce, "%08x".formatted(nc))) {
                      successes.incrementAndGet(nc);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int nc = 1; nc <= rounds; nc++) {
      assertThat(successes.get(nc)).as("successes of nc %d", nc).isEqualTo(1);
    }
    assertThat(nonces.use(nonce, "%08x".formatted(rounds))).as("replayed afterwards").isFalse();
  }

  @Test
  void threadsRacingUpTheCountsNeverGetOneCountTwice() throws Exception {
    int threads = 8;
    int counts = 20_000;
    List<String> racing = List.of(nonces.issue(), nonces.issue());
    List<AtomicIntegerArray> successes =
        List.of(new AtomicIntegerArray(counts + 1), new AtomicIntegerArray(counts + 1));
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int which = t % 2;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int nc = 1; nc <= counts; nc++) {
                    if (nonces.use(racing.get(which), "%08x".formatted(nc))) {
                      successes.get(which).incrementAndGet(nc);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (AtomicIntegerArray perCount : successes) {
      for (int nc = 1; nc <= counts; nc++) {
        assertThat(perCount.get(nc)).as("successes of nc %d", nc).isLessThanOrEqualTo(1);
      }
      assertThat(perCount.get(counts)).as("the highest count, once").isEqualTo(1);
    }
  }
}
