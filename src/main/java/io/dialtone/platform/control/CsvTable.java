package io.dialtone.platform.control;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file (RFC 4180 through Apache Commons CSV: commas, double quotes, {@code
 * ""} inside quotes, a quoted cell may hold commas and line breaks) row by row, each row with the
 * line it starts on so that an error message can name it. A leading byte-order mark is skipped,
 * spaces around a cell are dropped, blank lines are skipped but still counted.
 *
 * <p>Reading stops at the first thing that leaves the rest of the file meaningless: a missing
 * header, a broken quote (an open quote swallows every later line, so no later line number could be
 * trusted) or one row more than the caller's limit. Everything before it was handed over.
 */
public final class CsvTable {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();

  private static final char BOM = '\uFEFF';

  /** One non-blank row: the line it starts on (1 = the file's first) and its cells. */
  public record Row(int line, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    public int size() {
      return cells.size();
    }

    public String cell(int index) {
      return cells.get(index);
    }

    /** A blank line; a line of bare commas is a row of empty cells, for the caller to judge. */
    boolean blank() {
      return cells.size() == 1 && cells.getFirst().isBlank();
    }
  }

  /** The header a file must or may start with: its names, compared ignoring case and spaces. */
  public record Header(List<String> names, boolean required) {

    public Header {
      names = List.copyOf(names);
    }

    /** The file must start with {@code names} (its first non-blank row). */
    public static Header required(List<String> names) {
      return new Header(names, true);
    }

    /** The file may start with {@code names}; a first row that is not them is a data row. */
    public static Header optional(List<String> names) {
      return new Header(names, false);
    }

    boolean matches(Row row) {
      if (row.size() != names.size()) {
        return false;
      }
      for (int i = 0; i < names.size(); i++) {
        if (!names.get(i).strip().equalsIgnoreCase(row.cell(i).strip())) {
          return false;
        }
      }
      return true;
    }
  }

  /** What made the reading stop before the end of the file. */
  public enum Trouble {
    /** A required header is missing (the first row, or line 1 of an empty file). */
    NO_HEADER,
    /** A quote is left open, or text follows a closing quote. */
    MALFORMED,
    /** This row is one more than the caller allows. */
    TOO_MANY_ROWS
  }

  /** Where and why the reading stopped. */
  public record Stop(int line, Trouble trouble) {}

  private CsvTable() {}

  /**
   * Hands every data row of {@code in} (the header excepted) to {@code each}, in order; at most
   * {@code maxRows} of them.
   *
   * @return why reading stopped early, or empty when the whole file was read
   * @throws UncheckedIOException when {@code in} itself fails (not for a badly written file)
   */
  public static Optional<Stop> read(Reader in, Header header, int maxRows, Consumer<Row> each) {
    try (CSVParser parser = FORMAT.parse(withoutBom(in))) {
      Iterator<CSVRecord> records = parser.iterator();
      boolean first = true;
      int rows = 0;
      while (true) {
        int line = (int) parser.getCurrentLineNumber() + 1;
        Row row;
        try {
          if (!records.hasNext()) {
            break;
          }
          row = new Row(line, records.next().toList());
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof CSVException) {
            return Optional.of(new Stop(line, Trouble.MALFORMED));
          }
          throw e;
        }
        if (row.blank()) {
          continue;
        }
        if (first) {
          first = false;
          if (header.matches(row)) {
            continue;
          }
          if (header.required()) {
            return Optional.of(new Stop(line, Trouble.NO_HEADER));
          }
        }
        if (++rows > maxRows) {
          return Optional.of(new Stop(line, Trouble.TOO_MANY_ROWS));
        }
        each.accept(row);
      }
      return first && header.required()
          ? Optional.of(new Stop(1, Trouble.NO_HEADER))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header names of a header line written as it would appear in the file. */
  public static List<String> names(String headerLine) {
    return List.of(headerLine.split(",", -1));
  }

  /** {@code in} past its byte-order mark: spreadsheets save UTF-8 CSV with one. */
  private static Reader withoutBom(Reader in) throws IOException {
    PushbackReader reader = new PushbackReader(in, 1);
    int first = reader.read();
    if (first != -1 && first != BOM) {
      reader.unread(first);
    }
    return reader;
  }
}
