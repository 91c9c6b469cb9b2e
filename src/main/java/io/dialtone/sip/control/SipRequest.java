package io.dialtone.sip.control;

import java.util.List;
import java.util.Objects;

/**
 * A parsed SIP request as the handlers see it, independent of the SIP library (the transport in
 * {@code sip.boundary} builds it). Only what the registrar reads.
 *
 * @param method the request method, upper case
 * @param requestUri the Request-URI as received
 * @param from the From address (user may be empty)
 * @param to the To address, the address of record of a REGISTER
 * @param callId the Call-ID
 * @param cseq the CSeq number
 * @param contacts the Contact entries, empty for none or for {@code *}
 * @param wildcard whether the request had {@code Contact: *}
 * @param expires the Expires header value, -1 when absent
 * @param authorizations the values of the credentials headers: Authorization on a REGISTER,
 *     Proxy-Authorization on any other request
 * @param userAgent the User-Agent header, empty when absent
 * @param source where it came from
 */
public record SipRequest(
    String method,
    String requestUri,
    SipAddress from,
    SipAddress to,
    String callId,
    long cseq,
    List<ContactEntry> contacts,
    boolean wildcard,
    long expires,
    List<String> authorizations,
    String userAgent,
    Peer source) {

  public SipRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
    requestUri = requestUri == null ? "" : requestUri;
    callId = callId == null ? "" : callId;
    contacts = List.copyOf(contacts);
    authorizations = List.copyOf(authorizations);
    userAgent = userAgent == null ? "" : userAgent;
  }

  /** A SIP address's user and host (host lower case); both empty for non-SIP URIs. */
  public record SipAddress(String user, String host) {
    public SipAddress {
      user = user == null ? "" : user;
      host = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One Contact entry: its URI as received and its {@code expires} parameter (-1 when absent). */
  public record ContactEntry(String uri, long expires) {}

  /**
   * The sender: IP address (no port), port, and transport ({@code UDP}, {@code TCP}, {@code TLS}).
   */
  public record Peer(String ip, int port, String transport) {
    @Override
    public String toString() {
      return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }
  }
}
