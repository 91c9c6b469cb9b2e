package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipHandler;
import io.dialtone.sip.control.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parser in front of the registrar: a message the library refuses becomes a marked minimal
 * request (so it is answered with a fixed reason phrase and counted), one whose answer headers are
 * broken too is dropped, an oversized one is dropped, and another SIP version is marked for 505.
 */
class GuardedParserTest {

  private final List<SipRequest> told = new ArrayList<>();
  private final Set<String> flooding = new java.util.HashSet<>();
  private final SipHandler handler =
      new SipHandler() {
        @Override
        public SipAnswer handle(SipRequest request) {
          throw new AssertionError("not called by the parser");
        }

        @Override
        public SipAnswer malformed(SipRequest request) {
          told.add(request);
          return SipAnswer.of(400);
        }

        @Override
        public boolean readable(String address) {
          return !flooding.contains(address);
        }

        @Override
        public boolean mayConnect(String address) {
          return true;
        }
      };
  private final GuardedParser parser = new GuardedParser(handler, Runnable::run, 16_384);

  private static String register(String extra) {
    return "REGISTER sip:c-1.sip.dialtone.invalid SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKabc\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:201@c-1.sip.dialtone.invalid>;tag=f1\r\n"
        + "To: <sip:201@c-1.sip.dialtone.invalid>\r\n"
        + "Call-ID: call-1\r\n"
        + "CSeq: 7 REGISTER\r\n"
        + "User-Agent: Phone/1.0\r\n"
        + extra
        + "\r\n";
  }

  private SIPMessage parse(String text) throws Exception {
    return parser.parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), true, false, null);
  }

  @Test
  void aWellFormedRequestPassesUnmarked() throws Exception {
    SIPMessage message = parse(register("Content-Length: 0\r\n"));
    assertThat(message).isInstanceOf(SIPRequest.class);
    assertThat(message.getApplicationData()).isNull();
  }

  @Test
  void aBrokenContentLengthBecomesAMarkedMinimalRequestWithoutItsText() throws Exception {
    SIPMessage message = parse(register("Content-Length: abc\r\n"));
    assertThat(message).isInstanceOf(SIPRequest.class);
    assertThat(message.getApplicationData()).isSameAs(GuardedParser.MALFORMED);
    SIPRequest request = (SIPRequest) message;
    assertThat(request.getMethod()).isEqualTo("REGISTER");
    assertThat(request.getCallId().getCallId()).isEqualTo("call-1");
    assertThat(request.getTopmostVia().getBranch()).isEqualTo("z9hG4bKabc");
    assertThat(message.toString())
        .doesNotContain("Content-Length: abc")
        .contains("Content-Length: 0");
  }

  @Test
  void aBrokenRequestKeepsItsUserAgentSoAScannerIsStillKnown() throws Exception {
    SIPMessage message =
        parse(register("Content-Length: abc\r\n").replace("Phone/1.0", "friendly-scanner"));
    assertThat(message.getApplicationData()).isSameAs(GuardedParser.MALFORMED);
    assertThat(message.toString()).contains("User-Agent: friendly-scanner");
  }

  @Test
  void aCSeqOfAnotherMethodIsMalformed() throws Exception {
    SIPMessage message =
        parse(register("Content-Length: 0\r\n").replace("CSeq: 7 REGISTER", "CSeq: 7 INVITE"));
    assertThat(message.getApplicationData()).isSameAs(GuardedParser.MALFORMED);
    assertThat(((SIPRequest) message).getMethod()).isEqualTo("INVITE");
  }

  @Test
  void aRequestWhoseAnswerHeadersAreBrokenIsDropped() throws Exception {
    assertThat(parse(register("Content-Length: 0\r\n").replace("CSeq: 7 REGISTER", "CSeq: x")))
        .isNull();
    assertThat(parse("garbage\r\n\r\n")).isNull();
    assertThat(parse(register("").replace("Via: ", "Via: \u0001"))).isNull();
  }

  @Test
  void anotherSipVersionIsMarkedForItsOwnAnswer() throws Exception {
    SIPMessage message =
        parse(register("Content-Length: 0\r\n").replace("SIP/2.0\r\n", "SIP/3.0\r\n"));
    assertThat(message.getApplicationData()).isSameAs(GuardedParser.OTHER_VERSION);
  }

  @Test
  void anOversizedMessageIsDroppedUnparsed() throws Exception {
    String big = register("X-Pad: " + "a".repeat(20_000) + "\r\nContent-Length: 0\r\n");
    assertThat(parse(big)).isNull();
  }
}
