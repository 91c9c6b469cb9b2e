package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.platform.control.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV lines: ISO 8601 UTC times, plain numbers, RFC 4180 quoting, no formula injection. */
class CdrCsvTest {

  @Test
  void anAnsweredCallIsOneLineWithUtcTimesAndPlainNumbers() throws IOException {
    StringWriter out = new StringWriter();
    CsvWriter csv = new CsvWriter(out);
    CdrCsv.header(csv);
    CdrCsv.line(
        csv,
        new CdrDetail(
            7,
            42,
            Instant.parse("2026-11-28T14:05:09.250Z"),
            Instant.parse("2026-11-28T14:05:13Z"),
            Instant.parse("2026-11-28T14:06:14Z"),
            Direction.OUTBOUND,
            "201",
            "+15145550100",
            "+442079460000",
            "442079460000",
            DestinationClass.INTERNATIONAL,
            "GB",
            61,
            Disposition.ANSWERED,
            null,
            null,
            "carrier-b",
            List.of(new TrunkAttempt("sbc-1", 503), new TrunkAttempt("carrier-b", 200)),
            new BigDecimal("1234.50000"),
            "CAD",
            "abc@10.0.0.1",
            "CALLER",
            200));

    assertThat(out.toString())
        .isEqualTo(
            "id,start,answer,end,direction,extension,caller,callee,destination_class,country,"
                + "billsec,disposition,block_reason,block_rule_id,trunk,trunk_attempts,cost,"
                + "currency,call_id\r\n"
                + "7,2026-11-28T14:05:09.25Z,2026-11-28T14:05:13Z,2026-11-28T14:06:14Z,OUTBOUND,201,"
                + "+15145550100,+442079460000,INTERNATIONAL,GB,61,ANSWERED,,,carrier-b,"
                + "sbc-1=503;carrier-b=200,1234.5,CAD,abc@10.0.0.1\r\n");
  }

  @Test
  void aBlockedCallNamesItsRuleAndHasNoAnswerTime() throws IOException {
    StringWriter out = new StringWriter();
    CdrCsv.line(
        new CsvWriter(out),
        new CdrDetail(
            8,
            42,
            Instant.parse("2026-11-28T00:00:00Z"),
            null,
            Instant.parse("2026-11-28T00:00:00Z"),
            Direction.OUTBOUND,
            "201",
            "201",
            "+88213",
            "88213",
            DestinationClass.INTERNATIONAL,
            null,
            0,
            Disposition.BLOCKED,
            DecidingRule.PLATFORM_BLOCKED_RANGE,
            3L,
            null,
            List.of(),
            BigDecimal.ZERO,
            "CAD",
            "x@y",
            null,
            null));
    assertThat(out.toString())
        .isEqualTo(
            "8,2026-11-28T00:00:00Z,,2026-11-28T00:00:00Z,OUTBOUND,201,201,+88213,INTERNATIONAL,,"
                + "0,BLOCKED,PLATFORM_BLOCKED_RANGE,3,,,0,CAD,x@y\r\n");
  }

  @Test
  void textsAreDefusedAndQuotedAndNumbersPlain() throws IOException {
    StringWriter out = new StringWriter();
    CdrCsv.line(
        new CsvWriter(out),
        new CdrDetail(
            9,
            42,
            Instant.parse("2026-11-28T00:00:00Z"),
            null,
            Instant.parse("2026-11-28T00:00:00Z"),
            Direction.INBOUND,
            "201",
            "=HYPERLINK(\"x\")",
            "+15145550100",
            "15145550100",
            DestinationClass.NATIONAL,
            "CA",
            0,
            Disposition.ANSWERED,
            null,
            null,
            "a,b",
            List.of(),
            new BigDecimal("100.00000"),
            "CAD",
            "@SUM(A1)",
            null,
            null));
    assertThat(out.toString())
        .isEqualTo(
            "9,2026-11-28T00:00:00Z,,2026-11-28T00:00:00Z,INBOUND,201,\"'=HYPERLINK(\"\"x\"\")\","
                + "+15145550100,NATIONAL,CA,0,ANSWERED,,,\"a,b\",,100,CAD,'@SUM(A1)\r\n");
    assertThat(CdrCsv.number(new BigDecimal("0.00000"))).isEqualTo("0");
  }

  @Test
  void theFileIsNamedWithTheAccountAndTheDays() {
    assertThat(CdrCsv.fileName("C-000042", LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 28)))
        .isEqualTo("cdr-C-000042-2026-10-30-to-2026-11-28.csv");
    assertThat(CdrCsv.fileName("C-00\"42/..", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
        .isEqualTo("cdr-C-0042-2026-01-01-to-2026-01-01.csv");
  }
}
