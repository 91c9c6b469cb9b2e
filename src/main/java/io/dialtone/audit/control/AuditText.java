package io.dialtone.audit.control;

/**
 * Escapes and cuts the free text of an audit record, so that no stored or logged value can forge a
 * line break, hide text with bidi or zero-width tricks, or overflow its column (SECURITY.md J).
 *
 * <p>Rule: every character of Unicode category Cc (control), Cf (format), Zl, Zp, and every lone
 * surrogate becomes an escape: {@code \n}, {@code \r}, {@code \t}, or {@code \}{@code uXXXX} per
 * UTF-16 unit. Backslashes are kept as they are, which makes escaping idempotent ({@code
 * clean(clean(s)) == clean(s)}), so a value that comes back from the database passes unchanged; the
 * price is that a typed backslash-n reads like an escaped newline. The result is cut to at most
 * {@code maxLength} UTF-16 units (hence as many code points, as the VARCHAR column counts) without
 * splitting an escape or a surrogate pair. Empty text becomes {@code null}.
 */
final class AuditText {

  private AuditText() {}

  /** The escaped, cut text; {@code null} for {@code null} or empty input. */
  static String clean(String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
    int i = 0;
    while (i < value.length()) {
      int codePoint = value.codePointAt(i);
      int width = Character.charCount(codePoint);
      String escape = escape(codePoint);
      int needed = escape == null ? width : escape.length();
      if (out.length() + needed > maxLength) {
        break;
      }
      if (escape == null) {
        out.appendCodePoint(codePoint);
      } else {
        out.append(escape);
      }
      i += width;
    }
    return out.isEmpty() ? null : out.toString();
  }

  /** The escape for one code point, or {@code null} to keep it. */
  private static String escape(int codePoint) {
    return switch (codePoint) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default ->
          switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                Character.FORMAT,
                Character.LINE_SEPARATOR,
                Character.PARAGRAPH_SEPARATOR,
                Character.SURROGATE ->
                unicodeEscape(codePoint);
            default -> null;
          };
    };
  }

  private static String unicodeEscape(int codePoint) {
    StringBuilder out = new StringBuilder(12);
    for (char unit : Character.toChars(codePoint)) {
      out.append(String.format("\\u%04x", (int) unit));
    }
    return out.toString();
  }
}
