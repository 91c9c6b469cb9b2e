package io.dialtone.sip.boundary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What can still be read of a message the library's parser refused: its header lines, its
 * User-Agent (a scanner is banned even when its message is broken), and the headers a response
 * needs (RFC 3261 §8.2.6: Via, From, To, Call-ID, CSeq) rebuilt into a minimal request that the
 * library parses, so the request is answered on its own transport with a fixed reason phrase. Only
 * header lines of printable ASCII are kept: nothing the sender wrote reaches a reason phrase.
 */
final class RawMessage {

  /** Header names a response copies, compact forms to full ones (RFC 3261 §7.3.3). */
  private static final Map<String, String> ANSWER_HEADERS =
      Map.of(
          "via", "via", "v", "via", "from", "from", "f", "from", "to", "to", "t", "to", "call-id",
          "call-id", "i", "call-id", "cseq", "cseq");

  private static final Pattern REQUEST_LINE =
      Pattern.compile("[A-Za-z]{1,16} (sips?|tel):[!-~]{1,256} SIP/2\\.0");
  private static final Pattern CSEQ =
      Pattern.compile("(?i)cseq\\s*:\\s*\\d{1,10}\\s+([A-Za-z]{1,16})");

  private final List<String> lines;

  private RawMessage(List<String> lines) {
    this.lines = lines;
  }

  /** The message's lines up to the blank line that ends its headers (CRLF or bare LF). */
  static RawMessage of(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty() && !lines.isEmpty()) {
        break;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      start = end + 1;
    }
    return new RawMessage(lines);
  }

  /** Whether it is a response (a broken response is dropped, never answered). */
  boolean response() {
    return !lines.isEmpty() && lines.getFirst().startsWith("SIP/");
  }

  /** The User-Agent header's value, empty when there is none. */
  String userAgent() {
    return header("user-agent").orElse("");
  }

  /** The CSeq method, the request's method as far as it can be told. */
  Optional<String> method() {
    return header("cseq")
        .map(value -> CSEQ.matcher("CSeq: " + value))
        .filter(java.util.regex.Matcher::matches)
        .map(m -> m.group(1).toUpperCase(Locale.ROOT));
  }

  /** The Call-ID, empty when there is none. */
  String callId() {
    return header("call-id").or(() -> header("i")).orElse("");
  }

  /**
   * A minimal request with the same method and the headers its answer copies, or empty when those
   * are missing or not printable. Its request line is the original one when that is well formed.
   */
  Optional<byte[]> answerable() {
    Optional<String> method = method();
    if (response() || method.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(512);
    String first = lines.getFirst();
    out.append(
            REQUEST_LINE.matcher(first).matches() && first.startsWith(method.get() + ' ')
                ? first
                : method.get() + " sip:invalid.invalid SIP/2.0")
        .append("\r\n");
    Set<String> copied = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      if (name(line).equals("user-agent") && printable(line)) {
        out.append(line).append("\r\n"); // a scanner is told by it
        continue;
      }
      String name = ANSWER_HEADERS.get(name(line));
      if (name != null) {
        if (!printable(line)) {
          return Optional.empty();
        }
        out.append(line).append("\r\n");
        copied.add(name);
      }
    }
    if (copied.size() < 5) {
      return Optional.empty();
    }
    out.append("Content-Length: 0\r\n\r\n");
    return Optional.of(out.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private Optional<String> header(String wanted) {
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (name(line).equals(wanted)) {
        return Optional.of(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return Optional.empty();
  }

  private static String name(String line) {
    int colon = line.indexOf(':');
    return colon <= 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean printable(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
