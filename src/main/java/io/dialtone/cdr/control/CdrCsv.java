package io.dialtone.cdr.control;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV form of call records (RFC 4180, UTF-8, CRLF): one header line, then one line per call.
 * Times are ISO 8601 in UTC with their offset ({@code 2026-11-28T14:05:09.250Z}), numbers plain (a
 * dot, no grouping), codes in English upper case as stored: the same file whatever the viewer's
 * language. A text that a spreadsheet would run as a formula is quoted with a leading apostrophe
 * (OWASP CSV injection); E.164 numbers ({@code +} then digits) stay as they are.
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
  private static final String CRLF = "\r\n";

  private CdrCsv() {}

  public static void header(Writer out) throws IOException {
    out.write(String.join(",", HEADER));
    out.write(CRLF);
  }

  public static void line(Writer out, CdrDetail d) throws IOException {
    out.write(
        String.join(
            ",",
            Long.toString(d.id()),
            time(d.start()),
            time(d.answer()),
            time(d.end()),
            d.direction().name(),
            text(d.extension()),
            text(d.caller()),
            text(d.callee()),
            d.destination().name(),
            text(d.country()),
            Integer.toString(d.billsec()),
            d.disposition().name(),
            d.blockReason() == null ? "" : d.blockReason().name(),
            d.blockRuleId() == null ? "" : d.blockRuleId().toString(),
            text(d.trunk()),
            text(
                d.trunkAttempts().stream()
                    .map(a -> a.trunk() + "=" + a.sipStatus())
                    .collect(Collectors.joining(";"))),
            number(d.cost()),
            text(d.currency()),
            text(d.callId())));
    out.write(CRLF);
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

  /** A field, neutralised against formulas and quoted when it holds a comma, quote or newline. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    if (formulaLike(v)) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static boolean formulaLike(String v) {
    char first = v.charAt(0);
    if (first == '=' || first == '@' || first == '\t' || first == '\r') {
      return true;
    }
    if (first == '+' || first == '-') {
      return !v.substring(1).matches("[0-9]+");
    }
    return false;
  }
}
