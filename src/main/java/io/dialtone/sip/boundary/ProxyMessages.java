package io.dialtone.sip.boundary;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Small readings and makings of SIP messages shared by the proxy's classes. */
final class ProxyMessages {

  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(SecureRandom::new);

  private ProxyMessages() {}

  static URI contactOf(javax.sip.message.Message message) {
    ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
    return contact == null || contact.getAddress() == null ? null : contact.getAddress().getURI();
  }

  /** Same user, host (case ignored) and port: the parts a phone copies from a Contact. */
  static boolean sameTarget(URI expected, URI given) {
    if (!(expected instanceof SipURI want) || !(given instanceof SipURI got)) {
      return false;
    }
    return Objects.equals(want.getUser(), got.getUser())
        && want.getHost() != null
        && want.getHost().equalsIgnoreCase(got.getHost())
        && want.getPort() == got.getPort();
  }

  static String toTag(javax.sip.message.Message message) {
    ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
    return to == null ? null : to.getTag();
  }

  static String fromTag(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    return from == null ? null : from.getTag();
  }

  /** RFC 3261 §16.7 step 6: any 6xx, else the lowest class, 503 counted as 500. */
  static int rank(Response response) {
    int status = response.getStatusCode();
    if (status >= 600) {
      return 0;
    }
    return status == 503 ? 500 : status;
  }

  static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      }
    }
    return out.length() > 100 ? out.substring(0, 100) : out.toString();
  }

  static String random() {
    byte[] bytes = new byte[8];
    RANDOM.get().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
