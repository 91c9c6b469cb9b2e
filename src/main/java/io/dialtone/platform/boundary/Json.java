package io.dialtone.platform.boundary;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for values a page hands to a script, such as a chart's configuration
 * ({@link ChartConfig}). Writes maps (in their iteration order), lists, strings, numbers, booleans
 * and {@code null}.
 *
 * <p>The output is safe inside an HTML {@code script} element: besides what JSON requires, it
 * escapes {@code <}, {@code >}, {@code &}, {@code '} and the line separators U+2028 and U+2029, so
 * a text like {@code </script>} from a customer's name cannot end the element or the string.
 */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String text -> string(out, text);
      case Boolean flag -> out.append(flag);
      case Double number when number.isNaN() || number.isInfinite() -> out.append("null");
      case Float number when number.isNaN() || number.isInfinite() -> out.append("null");
      case Number number -> out.append(number);
      case Map<?, ?> map -> object(out, map);
      case List<?> list -> array(out, list);
      default ->
          throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      string(out, String.valueOf(entry.getKey()));
      out.append(':');
      append(out, entry.getValue());
      if (entries.hasNext()) {
        out.append(',');
      }
    }
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, list.get(i));
    }
    out.append(']');
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20
              || c == '<'
              || c == '>'
              || c == '&'
              || c == '\''
              || c == '\u2028'
              || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
