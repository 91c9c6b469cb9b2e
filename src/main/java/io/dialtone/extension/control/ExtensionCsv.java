package io.dialtone.extension.control;

import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.ExtensionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an extension CSV for the bulk import: {@code number,name,type} per line, an optional header
 * line ({@code number,name,type}), RFC 4180 quoting ({@code "Smith, J."}), blank lines ignored.
 * Types by name, case and {@code -}/{@code _} ignored ({@code user}, {@code auto-attendant}, {@code
 * voicemail}, {@code common-area}). Checks every line (number rules, name, type, duplicates in the
 * file) and reports each broken line; numbers already taken in the account are checked by the
 * import. At most {@value #MAX_ROWS} extensions. Pure.
 */
public final class ExtensionCsv {

  public static final int MAX_ROWS = 10_000;

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
    List<ImportLine> lines = new ArrayList<>();
    List<ImportError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] raw = (text == null ? "" : text.replace("\uFEFF", "")).split("\r\n|\n|\r", -1);
    int total = raw.length > 0 && raw[raw.length - 1].isEmpty() ? raw.length - 1 : raw.length;
    if (progress != null) {
      progress.lines(total);
    }
    for (int i = 0; i < raw.length; i++) {
      int lineNo = i + 1;
      if (progress != null && lineNo % PROGRESS_STEP == 0) {
        progress.checked(lineNo);
      }
      if (raw[i].isBlank() || (lines.isEmpty() && errors.isEmpty() && isHeader(raw[i]))) {
        continue;
      }
      if (lines.size() + errors.size() >= MAX_ROWS) {
        errors.add(new ImportError(lineNo, "extensions_import.error.tooMany"));
        break;
      }
      Optional<List<String>> fields = fields(raw[i]);
      if (fields.isEmpty() || fields.get().size() != 3) {
        errors.add(new ImportError(lineNo, "extensions_import.error.columns"));
        continue;
      }
      String number = fields.get().get(0).strip();
      String name = fields.get().get(1).strip();
      Optional<Reason> refusal = ExtensionNumbers.refusal(number);
      Optional<ExtensionType> type = type(fields.get().get(2));
      if (refusal.isPresent()) {
        errors.add(new ImportError(lineNo, refusal.get().messageKey()));
      } else if (name.isEmpty() || name.length() > Extension.NAME_MAX) {
        errors.add(new ImportError(lineNo, Reason.NAME_INVALID.messageKey()));
      } else if (type.isEmpty()) {
        errors.add(new ImportError(lineNo, Reason.TYPE_INVALID.messageKey()));
      } else if (seen.putIfAbsent(number, lineNo) != null) {
        errors.add(new ImportError(lineNo, "extensions_import.error.duplicate"));
      } else {
        lines.add(new ImportLine(lineNo, number, name, type.get()));
      }
    }
    if (progress != null) {
      progress.checked(total);
    }
    return new Parsed(List.copyOf(lines), List.copyOf(errors));
  }

  private static boolean isHeader(String line) {
    return line.replace(" ", "").replace("\"", "").equalsIgnoreCase("number,name,type");
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

  /** The fields of one line with RFC 4180 quotes; empty when a quote is left open. */
  static Optional<List<String>> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    fields.add(field.toString());
    return Optional.of(fields);
  }
}
