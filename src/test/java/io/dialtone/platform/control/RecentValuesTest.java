package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentValuesTest {

  private final AtomicLong clock = new AtomicLong();
  private final RecentValues<Long, String> values =
      new RecentValues<>(Duration.ofSeconds(10), clock::get);
  private final AtomicInteger reads = new AtomicInteger();

  private String read(long key) {
    return key + "#" + reads.incrementAndGet();
  }

  @Test
  void aValueIsReadOnceWhileFreshAndAgainOnceItsAgeIsReached() {
    assertThat(values.get(1L, this::read)).isEqualTo("1#1");
    clock.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(values.get(1L, this::read)).isEqualTo("1#1");
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(values.get(1L, this::read)).isEqualTo("1#2");
  }

  @Test
  void aForgottenKeyIsReadAgainAndTheOthersAreKept() {
    values.get(1L, this::read);
    values.get(2L, this::read);
    values.forget(1L);
    assertThat(values.get(1L, this::read)).isEqualTo("1#3");
    assertThat(values.get(2L, this::read)).isEqualTo("2#2");
    values.forgetAll();
    assertThat(values.size()).isZero();
    assertThat(values.get(2L, this::read)).isEqualTo("2#4");
  }

  @Test
  void aReadThatAChangeOvertookIsUsedOnceAndNotKept() {
    String raced =
        values.get(
            1L,
            key -> {
              values.forget(key); // the change commits while the old value is being read
              return "old";
            });
    assertThat(raced).isEqualTo("old");
    assertThat(values.get(1L, this::read)).isEqualTo("1#1");
  }

  @Test
  void aMissingValueAndANonPositiveAgeAreRefused() {
    assertThatThrownBy(() -> values.get(1L, key -> null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RecentValues<Long, String>(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
