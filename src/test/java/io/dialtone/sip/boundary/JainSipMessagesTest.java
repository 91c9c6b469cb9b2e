package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipRequest.ContactEntry;
import io.dialtone.sip.control.SipRequest.Peer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The codec half of the seam: what the handlers see of a request on the wire. */
class JainSipMessagesTest {

  private static final Peer PEER = new Peer("192.0.2.7", 5062, "UDP");

  private static SipRequest parse(String text) {
    return JainSipMessages.parse(text.getBytes(StandardCharsets.UTF_8), PEER).orElseThrow();
  }

  @Test
  void readsARegisterWithContactsExpiriesAndCredentials() {
    SipRequest r =
        parse(
            "REGISTER sip:C-000042.sip.Example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK1\r\n"
                + "From: <sip:201@C-000042.sip.Example.com>;tag=a\r\n"
                + "To: \"Desk\" <sip:201@C-000042.sip.Example.com>\r\n"
                + "Call-ID: abc@192.0.2.7\r\n"
                + "CSeq: 7 REGISTER\r\n"
                + "Contact: <sip:201@192.0.2.7:5062>;expires=120, <sip:201@192.0.2.7:5064>\r\n"
                + "Expires: 600\r\n"
                + "Authorization: Digest username=\"201\", realm=\"c-000042.sip.example.com\","
                + " nonce=\"n\", uri=\"sip:c-000042.sip.example.com\", response=\"ab\","
                + " algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c\"\r\n"
                + "User-Agent: Yealink SIP-T46U 66.86.0.15\r\n"
                + "Content-Length: 0\r\n\r\n");
    assertThat(r.method()).isEqualTo("REGISTER");
    assertThat(r.to()).isEqualTo(new SipRequest.SipAddress("201", "c-000042.sip.example.com"));
    assertThat(r.callId()).isEqualTo("abc@192.0.2.7");
    assertThat(r.cseq()).isEqualTo(7);
    assertThat(r.contacts())
        .containsExactly(
            new ContactEntry("sip:201@192.0.2.7:5062", 120),
            new ContactEntry("sip:201@192.0.2.7:5064", -1));
    assertThat(r.wildcard()).isFalse();
    assertThat(r.expires()).isEqualTo(600);
    assertThat(r.authorizations()).singleElement().asString().contains("username=\"201\"");
    assertThat(r.userAgent()).isEqualTo("Yealink SIP-T46U 66.86.0.15");
    assertThat(r.source()).isEqualTo(PEER);
  }

  @Test
  void readsTheWildcardAndRefusesACSeqOfAnotherMethod() {
    String wildcard =
        "REGISTER sip:example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK2\r\n"
            + "From: <sip:201@example.com>;tag=a\r\nTo: <sip:201@example.com>\r\n"
            + "Call-ID: w\r\nCSeq: 8 REGISTER\r\nContact: *\r\nExpires: 0\r\n"
            + "Content-Length: 0\r\n\r\n";
    SipRequest r = parse(wildcard);
    assertThat(r.wildcard()).isTrue();
    assertThat(r.contacts()).isEmpty();
    assertThat(r.expires()).isZero();
    assertThat(
            JainSipMessages.parse(
                wildcard.replace("8 REGISTER", "8 INVITE").getBytes(StandardCharsets.UTF_8), PEER))
        .isEmpty();
    assertThat(JainSipMessages.parse("garbage".getBytes(StandardCharsets.UTF_8), PEER)).isEmpty();
  }
}
