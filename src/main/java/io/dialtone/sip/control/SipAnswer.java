package io.dialtone.sip.control;

import java.util.List;

/**
 * What a handler answers to a request: a final response with a status and extra headers in order
 * (the transport copies Via, From, To, Call-ID and CSeq and adds the To tag), nothing at all, or
 * (an authenticated INVITE, or an INVITE from a carrier trunk's source) "proxy it": the transport
 * keeps a transaction and hands the call to call control as coming from {@code caller} or from
 * trunk {@code carrier}.
 *
 * @param status the status code; 0 means drop the request silently; 100 with a caller or a carrier:
 *     proxy it
 * @param headers extra headers, each {@code {name, value}}, in order
 * @param caller the authenticated caller of a request to proxy, else null
 * @param carrier the name of the trunk an inbound INVITE came from, else null
 */
public record SipAnswer(int status, List<Header> headers, SipUser caller, String carrier) {

  private static final SipAnswer DROP = new SipAnswer(0, List.of());

  public SipAnswer {
    headers = List.copyOf(headers);
  }

  public SipAnswer(int status, List<Header> headers) {
    this(status, headers, null, null);
  }

  /** Proxy the request (an INVITE) as coming from {@code caller}. */
  public static SipAnswer proxy(SipUser caller) {
    return new SipAnswer(100, List.of(), java.util.Objects.requireNonNull(caller), null);
  }

  /** Proxy the request (an INVITE) as a call from the carrier behind trunk {@code trunk}. */
  public static SipAnswer fromCarrier(String trunk) {
    return new SipAnswer(100, List.of(), null, java.util.Objects.requireNonNull(trunk));
  }

  /** Whether the request is to be proxied. */
  public boolean proxied() {
    return caller != null || carrier != null;
  }

  /** Send nothing back (scanners, floods, ACK). */
  public static SipAnswer drop() {
    return DROP;
  }

  public static SipAnswer of(int status, Header... headers) {
    return new SipAnswer(status, List.of(headers));
  }

  public boolean dropped() {
    return status == 0;
  }

  /** One header line. */
  public record Header(String name, String value) {}
}
