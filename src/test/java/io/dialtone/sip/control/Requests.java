package io.dialtone.sip.control;

import io.dialtone.sip.control.SipRequest.ContactEntry;
import io.dialtone.sip.control.SipRequest.Peer;
import io.dialtone.sip.control.SipRequest.SipAddress;
import java.util.List;

/** Builds handler-level requests for unit tests, and answers challenges like a phone. */
final class Requests {

  static final Peer PHONE = new Peer("192.0.2.7", 5060, "UDP");

  private Requests() {}

  static SipRequest register(
      String user,
      String callId,
      long cseq,
      List<ContactEntry> contacts,
      long expires,
      List<String> authorizations) {
    return new SipRequest(
        "REGISTER",
        "sip:" + SipFixtures.REALM,
        new SipAddress(user, SipFixtures.REALM),
        new SipAddress(user, SipFixtures.REALM),
        callId,
        cseq,
        contacts,
        false,
        expires,
        authorizations,
        "Phone/1.0",
        PHONE);
  }

  static SipRequest withAuthorization(SipRequest r, String authorization) {
    return new SipRequest(
        r.method(),
        r.requestUri(),
        r.from(),
        r.to(),
        r.callId(),
        r.cseq() + 1,
        r.contacts(),
        r.wildcard(),
        r.expires(),
        List.of(authorization),
        r.userAgent(),
        r.source());
  }

  static String nonceOf(SipAnswer challenge) {
    String value = challenge.headers().get(0).value();
    int start = value.indexOf("nonce=\"") + 7;
    return value.substring(start, value.indexOf('"', start));
  }

  static String authorization(
      SipDigest digest, String user, String secret, String nonce, String nc, String method) {
    return authorization(digest, user, secret, nonce, nc, method, "sip:" + SipFixtures.REALM);
  }

  /** An answer whose digest {@code uri} is {@code uri} (the Request-URI, unless a test lies). */
  static String authorization(
      SipDigest digest,
      String user,
      String secret,
      String nonce,
      String nc,
      String method,
      String uri) {
    String ha1 = digest.ha1(user, SipFixtures.REALM, secret);
    String response =
        digest.hex(ha1 + ":" + nonce + ":" + nc + ":abc123:auth:" + digest.hex(method + ":" + uri));
    return "Digest username=\""
        + user
        + "\", realm=\""
        + SipFixtures.REALM
        + "\", nonce=\""
        + nonce
        + "\", uri=\""
        + uri
        + "\", response=\""
        + response
        + "\", algorithm="
        + digest.algorithm()
        + ", qop=auth, nc="
        + nc
        + ", cnonce=\"abc123\"";
  }
}
