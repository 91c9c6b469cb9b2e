package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  private final AtomicInteger computed = new AtomicInteger();
  private final BoundedCache<Integer, String> cache =
      new BoundedCache<>(
          10,
          key -> {
            computed.incrementAndGet();
            return "v" + key;
          });

  @Test
  void computesOncePerKey() {
    assertThat(cache.get(1)).isEqualTo("v1");
    assertThat(cache.get(1)).isEqualTo("v1");
    assertThat(computed).hasValue(1);
  }

  @Test
  void staysBoundedUnderAFloodOfKeys() {
    for (int key = 0; key < 10_000; key++) {
      cache.get(key);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void keysInUseSurviveAFlood() {
    for (int key = 100; key < 1_000; key++) {
      cache.get(7);
      cache.get(key);
    }
    assertThat(computed).hasValue(901);
  }
}
