package io.dialtone.extension.control;

import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.platform.control.CsvTable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an extension CSV for the bulk import ({@link CsvTable}): {@code number,name,type} per line,
 * an optional header line ({@code number,name,type}), RFC 4180 quoting ({@code "Smith, J."}), blank
 * lines ignored. Types by name, case and {@code -}/{@code _} ignored ({@code user}, {@code
 * auto-attendant}, {@code voicemail}, {@code common-area}). Checks every line (number rules, name,
 * type, duplicates in the file) and reports each broken line; numbers already taken in the account
 * are checked by the import. At most {@value #MAX_ROWS} extensions. Pure.
 */
public final class ExtensionCsv {

  public static final int MAX_ROWS = 10_000;

  private static final CsvTable.Header HEADER =
      CsvTable.Header.optional(List.of("number", "name", "type"));

  /** The lines and the errors of one file; importable when there are no errors. */
  public record Parsed(List<ImportLine> lines, List<ImportError> errors) {}

  private ExtensionCsv() {}

  /** Told how far a {@link #parse(String, Progress)} got, e.g. for a progress bar. */
  public interface Progress {
    /** The file has {@code lines} lines (before any is checked). */
    void lines(int lines);

    /** Lines 1 to {@code line} are checked. */
    void checked(int line);
  }

  /** How often {@link Progress#checked} is told: every this many lines, and at the end. */
  static final int PROGRESS_STEP = 250;

  public static Parsed parse(String text) {
    return parse(text, null);
  }

  /** {@link #parse(String)}, telling {@code progress} (when not null) how far it got. */
  public static Parsed parse(String text, Progress progress) {
    String csv = text == null ? "" : text;
    int total = (int) csv.lines().count();
    if (progress != null) {
      progress.lines(total);
    }
    List<ImportLine> lines = new ArrayList<>();
    List<ImportError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int[] toldStep = {0};
    Optional<CsvTable.Stop> stop =
        CsvTable.read(
            new StringReader(csv),
            HEADER,
            MAX_ROWS,
            row -> {
              int step = row.line() / PROGRESS_STEP;
              if (progress != null && step > toldStep[0]) {
                toldStep[0] = step;
                progress.checked(step * PROGRESS_STEP);
              }
              check(row, seen, lines, errors);
            });
    stop.ifPresent(
        s ->
            errors.add(
                new ImportError(
                    s.line(),
                    s.trouble() == CsvTable.Trouble.TOO_MANY_ROWS
                        ? "extensions_import.error.tooMany"
                        : "extensions_import.error.columns")));
    if (progress != null) {
      progress.checked(total);
    }
    return new Parsed(List.copyOf(lines), List.copyOf(errors));
  }

  /** Adds the row to {@code lines} when it is importable, else its reason to {@code errors}. */
  private static void check(
      CsvTable.Row row,
      Map<String, Integer> seen,
      List<ImportLine> lines,
      List<ImportError> errors) {
    int lineNo = row.line();
    if (row.size() != 3) {
      errors.add(new ImportError(lineNo, "extensions_import.error.columns"));
      return;
    }
    String number = row.cell(0).strip();
    String name = row.cell(1).strip();
    Optional<Reason> refusal = ExtensionNumbers.refusal(number);
    Optional<ExtensionType> type = type(row.cell(2));
    if (refusal.isPresent()) {
      errors.add(new ImportError(lineNo, refusal.get().messageKey()));
    } else if (name.isEmpty()
        || name.length() > Extension.NAME_MAX
        // a quoted cell may span lines, but a name is shown on one line (pages, phones' displays)
        || name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new ImportError(lineNo, Reason.NAME_INVALID.messageKey()));
    } else if (type.isEmpty()) {
      errors.add(new ImportError(lineNo, Reason.TYPE_INVALID.messageKey()));
    } else if (seen.putIfAbsent(number, lineNo) != null) {
      errors.add(new ImportError(lineNo, "extensions_import.error.duplicate"));
    } else {
      lines.add(new ImportLine(lineNo, number, name, type.get()));
    }
  }

  static Optional<ExtensionType> type(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (ExtensionType type : ExtensionType.values()) {
      if (type.name().equals(key)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
