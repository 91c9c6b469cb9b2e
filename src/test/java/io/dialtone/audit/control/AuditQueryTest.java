package io.dialtone.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  @Test
  void aDayComesBackAsTheSameDateWhateverTypeTheDriverChose() {
    assertThat(AuditQuery.toLocalDate(DAY)).isEqualTo(DAY);
    assertThat(AuditQuery.toLocalDate(java.sql.Date.valueOf(DAY))).isEqualTo(DAY);
    assertThat(AuditQuery.toLocalDate(DAY.atStartOfDay())).isEqualTo(DAY);
    assertThat(AuditQuery.toLocalDate(LocalDateTime.of(2026, 11, 28, 23, 59))).isEqualTo(DAY);
    assertThat(AuditQuery.toLocalDate("2026-11-28")).isEqualTo(DAY);
  }
}
