package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bounds a SIP byte stream is held to before the library's stream parser reads it. */
class StreamBoundsTest {

  private final StreamBounds bounds = new StreamBounds(16_384);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String message(String contentLength, String body) {
    return "OPTIONS sip:100@dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 192.0.2.7:5060;branch=z9hG4bK1\r\n"
        + "Call-ID: c1\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n"
        + body;
  }

  @Test
  void messagesKeepAlivesAndBodiesSplitAnywherePass() {
    String stream = "\r\n\r\n" + message("5", "hello") + message("0", "") + "\r\n\r\n";
    byte[] all = bytes(stream);
    for (int i = 0; i < all.length; i += 7) {
      byte[] chunk = java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 7));
      assertThat(bounds.accept(chunk)).isTrue();
    }
  }

  @Test
  void aBodyIsNotReadAsHeaders() {
    String body = "x".repeat(16_000); // one long "line" that is body, not header
    assertThat(bounds.accept(bytes(message("16000", body)))).isTrue();
    assertThat(bounds.accept(bytes(message("0", "")))).isTrue();
  }

  @Test
  void aContentLengthOverTheLimitOrNotANumberEndsTheStream() {
    assertThat(new StreamBounds(16_384).accept(bytes(message("2000000000", "")))).isFalse();
    assertThat(new StreamBounds(16_384).accept(bytes(message("16385", "")))).isFalse();
    assertThat(new StreamBounds(16_384).accept(bytes(message("abc", "")))).isFalse();
    assertThat(new StreamBounds(16_384).accept(bytes(message("-1", "")))).isFalse();
  }

  @Test
  void headersThatNeverEndEndTheStream() {
    String line = "X-Filler: " + "a".repeat(80) + "\r\n";
    boolean open = true;
    for (int i = 0; i < 300 && open; i++) {
      open = bounds.accept(bytes(line));
    }
    assertThat(open).isFalse();
    assertThat(bounds.accept(bytes("\r\n"))).as("and stays ended").isFalse();
  }

  @Test
  void aLineWithoutEndEndsTheStream() {
    assertThat(bounds.accept(bytes("a".repeat(16_385)))).isFalse();
  }
}
