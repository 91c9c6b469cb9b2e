package io.dialtone.platform.control;

import java.io.Flushable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file for download (RFC 4180 through Apache Commons CSV: commas, CRLF, a cell quoted
 * when it needs to be, {@code ""} inside quotes; the encoding is the caller's {@code Appendable},
 * UTF-8 without byte-order mark in Dialtone). A {@code null} cell is written empty.
 *
 * <p>Every cell is defused against CSV injection (OWASP): a cell a spreadsheet would run as a
 * formula, one starting with {@code = + - @}, a tab or a carriage return, gets a leading
 * apostrophe, so {@code =HYPERLINK(...)} in a caller's name stays text. A plain signed number, an
 * E.164 number ({@code +15145550100}) or an amount ({@code -1.5}), is no formula and is kept as is.
 */
public final class CsvWriter implements Flushable {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

  private final CSVPrinter printer;

  /** Writes to {@code out}, which the caller closes. */
  public CsvWriter(Appendable out) {
    try {
      this.printer = new CSVPrinter(out, FORMAT);
    } catch (IOException e) {
      throw new IllegalStateException("the RFC 4180 format writes no header", e);
    }
  }

  /** Writes one row of {@code cells}. */
  public void row(String... cells) throws IOException {
    row(Arrays.asList(cells));
  }

  /** Writes one row of {@code cells} ({@code null} for an empty cell). */
  public void row(List<String> cells) throws IOException {
    for (String cell : cells) {
      printer.print(defused(cell));
    }
    printer.println();
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  /** {@code cell} as a spreadsheet will show it but never run it. */
  static String defused(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula =
        switch (first) {
          case '=', '@', '\t', '\r' -> true;
          case '+', '-' -> !SIGNED_NUMBER.matcher(cell).matches();
          default -> false;
        };
    return formula ? "'" + cell : cell;
  }
}
