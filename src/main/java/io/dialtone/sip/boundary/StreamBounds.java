package io.dialtone.sip.boundary;

import java.util.Locale;

/**
 * Follows a TCP or TLS byte stream as the library frames it into messages (header lines up to an
 * empty CRLF line, then {@code Content-Length} bytes of body) and says when it leaves the bounds
 * the library's non-blocking parser does not keep: a header block over the message limit (the
 * parser would buffer it without end) or a {@code Content-Length} that is not a number within the
 * limit (the parser would allocate that many bytes, or fail on it). The connection is then ended
 * before the parser sees the bytes.
 */
final class StreamBounds {

  private static final String CONTENT_LENGTH = "content-length";

  private final int limit;
  private final StringBuilder line = new StringBuilder();
  private int headerBytes;
  private int contentLength;
  private long bodyLeft = -1;

  StreamBounds(int limit) {
    this.limit = limit;
  }

  /** Takes the next bytes of the stream; false once it is out of bounds (and from then on). */
  boolean accept(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bodyLeft > 0) {
        int taken = (int) Math.min(bodyLeft, bytes.length - i);
        bodyLeft -= taken;
        i += taken - 1;
        continue;
      }
      if (headerBytes < 0) {
        return false;
      }
      char c = (char) (bytes[i] & 0xff);
      line.append(c);
      if (line.length() > limit) {
        headerBytes = -1;
        return false;
      }
      if (c == '\n' && !endOfLine()) {
        headerBytes = -1;
        return false;
      }
    }
    return true;
  }

  /** One whole line read: counts it, reads its Content-Length, or ends the headers. */
  private boolean endOfLine() {
    String text = line.toString();
    line.setLength(0);
    if (text.equals("\r\n")) {
      if (headerBytes > 0) { // the end of a message's headers; else a keep-alive between messages
        bodyLeft = contentLength;
        headerBytes = 0;
        contentLength = 0;
      }
      return true;
    }
    headerBytes += text.length();
    if (headerBytes > limit) {
      return false;
    }
    if (text.toLowerCase(Locale.ROOT).startsWith(CONTENT_LENGTH)) {
      int colon = text.indexOf(':');
      String value = colon < 0 ? "" : text.substring(colon + 1).strip();
      if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
        return false;
      }
      contentLength = Integer.parseInt(value);
      return contentLength <= limit;
    }
    return true;
  }
}
