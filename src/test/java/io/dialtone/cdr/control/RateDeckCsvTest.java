package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.cdr.entity.Rate;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rate-deck CSV: every bad line reported with its number and reason, nothing kept then. */
class RateDeckCsvTest {

  private static RateDeckCsv.Result parse(String... lines) {
    return RateDeckCsv.parse(new StringReader(String.join("\n", lines)));
  }

  @Test
  void aGoodDeckIsRead() {
    RateDeckCsv.Result result =
        parse(
            RateDeckCsv.HEADER,
            "+44,United Kingdom,0.02000,CAD,6/6,2026-01-01,",
            "\"+1900\",\"Premium, US\",1.5,CAD,60/60,2026-01-01T12:00:00Z,2027-01-01",
            "",
            "+33,France,0.025,USD,1/1,2026-01-01,");

    assertThat(result.valid()).isTrue();
    assertThat(result.rates()).extracting(Rate::getPrefix).containsExactly("+44", "+1900", "+33");
    Rate premium = result.rates().get(1);
    assertThat(premium.getDescription()).isEqualTo("Premium, US");
    assertThat(premium.getEffectiveFrom()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
    assertThat(premium.getEffectiveTo()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(premium.getIncrement().first()).isEqualTo(60);
  }

  @Test
  void eachBadLineIsReportedWithItsNumberAndNothingIsKept() {
    RateDeckCsv.Result result =
        parse(
            RateDeckCsv.HEADER,
            "+44,United Kingdom,0.02,CAD,6/6,2026-01-01,",
            "44,no plus,0.02,CAD,6/6,2026-01-01,",
            "+33,France,-1,CAD,6/6,2026-01-01,",
            "+49,Germany,0.02,cad,6/6,2026-01-01,",
            "+52,Mexico,0.02,CAD,6,2026-01-01,",
            "+61,Australia,0.02,CAD,6/6,2026-13-01,",
            "+81,Japan,0.02,CAD,6/6,2026-06-01,2026-01-01",
            "+91,India,0.02,CAD",
            "+44,United Kingdom again,0.03,CAD,6/6,2026-03-01,");

    assertThat(result.valid()).isFalse();
    assertThat(result.rates()).isEmpty();
    assertThat(result.errors())
        .containsExactly(
            new RateLineError(3, "rates.error.prefix", "44"),
            new RateLineError(4, "rates.error.price", "-1"),
            new RateLineError(5, "rates.error.currency", "cad"),
            new RateLineError(6, "rates.error.increment", "6"),
            new RateLineError(7, "rates.error.date", "2026-13-01"),
            new RateLineError(8, "rates.error.period", "2026-01-01"),
            new RateLineError(9, "rates.error.columns", "7"),
            new RateLineError(10, "rates.error.overlap", "2"));
  }

  @Test
  void aMissingHeaderOrAnEmptyDeckIsRefused() {
    assertThat(parse("+44,United Kingdom,0.02,CAD,6/6,2026-01-01,").errors())
        .containsExactly(new RateLineError(1, "rates.error.header", RateDeckCsv.HEADER));
    assertThat(parse(RateDeckCsv.HEADER).errors())
        .containsExactly(new RateLineError(1, "rates.error.empty", ""));
    assertThat(parse("").errors())
        .extracting(RateLineError::key)
        .containsExactly("rates.error.header");
  }

  @Test
  void periodsOfOnePrefixMayFollowEachOtherButNotOverlap() {
    assertThat(
            parse(
                    RateDeckCsv.HEADER,
                    "+44,UK,0.02,CAD,6/6,2026-01-01,2026-03-01",
                    "+44,UK,0.03,CAD,6/6,2026-03-01,",
                    "+44,UK,0.03,USD,6/6,2026-01-01,")
                .valid())
        .isTrue();
    assertThat(
            parse(
                    RateDeckCsv.HEADER,
                    "+44,UK,0.02,CAD,6/6,2026-01-01,2026-03-02",
                    "+44,UK,0.03,CAD,6/6,2026-03-01,")
                .errors())
        .containsExactly(new RateLineError(3, "rates.error.overlap", "2"));
  }

  @Test
  void aLineBreakInAQuotedDescriptionIsRefusedAndLaterLinesKeepTheirNumbers() {
    assertThat(
            parse(
                    RateDeckCsv.HEADER,
                    "+44,\"United\nKingdom\",0.02,CAD,6/6,2026-01-01,",
                    "+33,France,x,CAD,6/6,2026-01-01,")
                .errors())
        .containsExactly(
            new RateLineError(2, "rates.error.lineBreak", ""),
            new RateLineError(4, "rates.error.price", "x"));
  }

  @Test
  void malformedQuotingIsAColumnError() {
    assertThat(parse(RateDeckCsv.HEADER, "+44,\"UK,0.02,CAD,6/6,2026-01-01,").errors())
        .containsExactly(new RateLineError(2, "rates.error.columns", "7"));
  }
}
