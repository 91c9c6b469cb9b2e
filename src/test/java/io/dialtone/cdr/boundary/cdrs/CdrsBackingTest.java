package io.dialtone.cdr.boundary.cdrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.cdr.control.CdrFilter;
import io.dialtone.cdr.control.Disposition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The form → filter mapping: whole days in the account's time zone, numbers without formatting. */
class CdrsBackingTest {

  @Test
  void theDaysOfTheFormAreWholeDaysInTheAccountsTimeZone() {
    CdrsBacking page = new CdrsBacking();
    page.setAccountId(42L);
    page.account(ZoneId.of("America/Toronto"), "CA");
    CdrFilterForm form = page.getForm();
    form.setFrom(LocalDate.of(2026, 10, 30));
    form.setTo(LocalDate.of(2026, 11, 28));
    form.setDisposition(Disposition.BLOCKED);
    form.setCountry(" gb ");
    form.setNumberPrefix("+44 (20) 7946-");
    form.setExtension("  ");

    CdrFilter f = page.toFilter();

    assertThat(f.from()).isEqualTo(Instant.parse("2026-10-30T04:00:00Z")); // EDT
    assertThat(f.to()).isEqualTo(Instant.parse("2026-11-29T05:00:00Z")); // EST
    assertThat(f.disposition()).isEqualTo(Disposition.BLOCKED);
    assertThat(f.country()).isEqualTo("GB");
    assertThat(f.numberPrefix()).isEqualTo("44207946");
    assertThat(f.extension()).isNull();
  }

  @Test
  void aNationalNumberTypedInTheFormMatchesTheStoredInternationalDigits() {
    CdrsBacking page = new CdrsBacking();
    page.setAccountId(42L);
    page.account(ZoneId.of("Europe/London"), "GB");
    page.clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    CdrFilterForm form = page.getForm();
    form.setFrom(LocalDate.of(2026, 11, 1));
    form.setTo(LocalDate.of(2026, 11, 28));
    form.setNumberPrefix("020 7946");

    assertThat(page.toFilter().numberPrefix()).isEqualTo("44207946");
    assertThat(page.criteria().numberPrefix()).isEqualTo("0207946"); // saved as typed, re-read
  }

  @Test
  void aBlankNumberIsNoFilterAndDurationsReadAsMinutesAndSeconds() {
    CdrsBacking page = new CdrsBacking();
    page.setAccountId(42L);
    page.account(ZoneId.of("America/Toronto"), "CA");
    page.getForm().setFrom(LocalDate.of(2026, 11, 1));
    page.getForm().setTo(LocalDate.of(2026, 11, 2));
    page.getForm().setNumberPrefix(" + ");
    assertThat(page.toFilter().numberPrefix()).isNull();
    assertThat(page.duration(0)).isEqualTo("0:00");
    assertThat(page.duration(61)).isEqualTo("1:01");
    assertThat(page.duration(3725)).isEqualTo("1:02:05");
  }
}
