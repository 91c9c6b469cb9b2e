package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.DestinationClass;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Saved filters: encoded compactly, decoded to the same criteria, malformed text refused. */
class SavedCriteriaTest {

  @Test
  void aRelativeFilterRoundTrips() {
    SavedCriteria c =
        new SavedCriteria(
            42L,
            7,
            null,
            null,
            "201",
            Direction.OUTBOUND,
            Disposition.BLOCKED,
            DestinationClass.INTERNATIONAL,
            "GB",
            "4420",
            60);

    assertThat(c.encode())
        .isEqualTo(
            "account=42;days=7;ext=201;dir=OUTBOUND;disp=BLOCKED;class=INTERNATIONAL;country=GB;"
                + "prefix=4420;min=60");
    assertThat(SavedCriteria.decode(c.encode())).isEqualTo(c);
  }

  @Test
  void aFixedRangeRoundTrips() {
    SavedCriteria c =
        new SavedCriteria(
            3L,
            null,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 31),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(SavedCriteria.decode(c.encode())).isEqualTo(c);
  }

  @Test
  void malformedTextIsRefused() {
    assertThatThrownBy(() -> SavedCriteria.decode("disp=NOPE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SavedCriteria.decode("ext=2'01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SavedCriteria.decode("account"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
