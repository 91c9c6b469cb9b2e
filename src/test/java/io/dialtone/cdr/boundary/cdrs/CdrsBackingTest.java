package io.dialtone.cdr.boundary.cdrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.entity.Disposition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The form → filter mapping: whole days in the account's time zone, numbers without formatting. */
class CdrsBackingTest {

  @Test
  void theDaysOfTheFormAreWholeDaysInTheAccountsTimeZone() {
    CdrsBacking form = new CdrsBacking();
    form.setAccountId(42L);
    form.zone(ZoneId.of("America/Toronto"));
    form.setFrom(LocalDate.of(2026, 10, 30));
    form.setTo(LocalDate.of(2026, 11, 28));
    form.setDisposition(Disposition.BLOCKED);
    form.setCountry(" gb ");
    form.setNumberPrefix("+44 (20) 7946-");
    form.setExtension("  ");

    CdrFilter f = form.toFilter();

    assertThat(f.from()).isEqualTo(Instant.parse("2026-10-30T04:00:00Z")); // EDT
    assertThat(f.to()).isEqualTo(Instant.parse("2026-11-29T05:00:00Z")); // EST
    assertThat(f.disposition()).isEqualTo(Disposition.BLOCKED);
    assertThat(f.country()).isEqualTo("GB");
    assertThat(f.numberPrefix()).isEqualTo("44207946");
    assertThat(f.extension()).isNull();
  }

  @Test
  void durationsReadAsMinutesAndSeconds() {
    CdrsBacking form = new CdrsBacking();
    assertThat(form.duration(0)).isEqualTo("0:00");
    assertThat(form.duration(61)).isEqualTo("1:01");
    assertThat(form.duration(3725)).isEqualTo("1:02:05");
    assertThat(CdrsBacking.digits(" + ")).isNull();
  }
}
