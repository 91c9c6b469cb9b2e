package io.dialtone.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCountsTest {

  @Test
  void aStatusWithoutUsersCountsZero() {
    UserCounts counts = UserCounts.of(Map.of(UserStatus.ACTIVE, 7L, UserStatus.DISABLED, 2L));

    assertThat(counts).isEqualTo(new UserCounts(7, 0, 2));
    assertThat(counts.total()).isEqualTo(9);
    assertThat(UserCounts.of(Map.of()).total()).isZero();
  }
}
