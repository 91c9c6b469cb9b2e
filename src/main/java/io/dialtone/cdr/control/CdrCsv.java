package io.dialtone.cdr.control;

import io.dialtone.platform.control.CsvWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV form of call records (RFC 4180, UTF-8, CRLF, written by {@link CsvWriter}): one header
 * line, then one line per call. Times are ISO 8601 in UTC with their offset ({@code
 * 2026-11-28T14:05:09.250Z}), numbers plain (a dot, no grouping), codes in English upper case as
 * stored: the same file whatever the viewer's language. A text that a spreadsheet would run as a
 * formula gets a leading apostrophe (OWASP CSV injection); E.164 numbers ({@code +} then digits)
 * stay as they are.
 */
public final class CdrCsv {

  public static final List<String> HEADER =
      List.of(
          "id",
          "start",
          "answer",
          "end",
          "direction",
          "extension",
          "caller",
          "callee",
          "destination_class",
          "country",
          "billsec",
          "disposition",
          "block_reason",
          "block_rule_id",
          "trunk",
          "trunk_attempts",
          "cost",
          "currency",
          "call_id");

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private CdrCsv() {}

  public static void header(CsvWriter out) throws IOException {
    out.row(HEADER);
  }

  public static void line(CsvWriter out, CdrDetail d) throws IOException {
    out.row(
        Long.toString(d.id()),
        time(d.start()),
        time(d.answer()),
        time(d.end()),
        d.direction().name(),
        d.extension(),
        d.caller(),
        d.callee(),
        d.destination().name(),
        d.country(),
        Integer.toString(d.billsec()),
        d.disposition().name(),
        d.blockReason() == null ? null : d.blockReason().name(),
        d.blockRuleId() == null ? null : d.blockRuleId().toString(),
        d.trunk(),
        d.trunkAttempts().stream()
            .map(a -> a.trunk() + "=" + a.sipStatus())
            .collect(Collectors.joining(";")),
        number(d.cost()),
        d.currency(),
        d.callId());
  }

  /** The download's name: {@code cdr-C-000042-2026-10-29-to-2026-11-27.csv} (days inclusive). */
  public static String fileName(String accountNumber, LocalDate first, LocalDate last) {
    String safe = accountNumber.replaceAll("[^A-Za-z0-9-]", "");
    return "cdr-" + safe + "-" + first + "-to-" + last + ".csv";
  }

  static String time(Instant t) {
    return t == null ? "" : ISO.format(t.atOffset(ZoneOffset.UTC));
  }

  static String number(BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }
}
