package io.dialtone.sip.control;

import java.util.List;

/**
 * What a handler answers to a request: a final response with a status and extra headers in order
 * (the transport copies Via, From, To, Call-ID and CSeq and adds the To tag), or nothing at all.
 *
 * @param status the status code; 0 means drop the request silently
 * @param headers extra headers, each {@code {name, value}}, in order
 */
public record SipAnswer(int status, List<Header> headers) {

  private static final SipAnswer DROP = new SipAnswer(0, List.of());

  public SipAnswer {
    headers = List.copyOf(headers);
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
