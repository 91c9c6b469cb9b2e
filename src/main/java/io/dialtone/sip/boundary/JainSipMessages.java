package io.dialtone.sip.boundary;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipRequest.ContactEntry;
import io.dialtone.sip.control.SipRequest.Peer;
import io.dialtone.sip.control.SipRequest.SipAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;

/**
 * The codec half of the seam: turns the SIP library's requests (or raw bytes, through its parser)
 * into the library-free {@link SipRequest} the handlers read. A request without the headers every
 * request needs (From, To, Call-ID, CSeq) or with a CSeq method other than its own is refused
 * ({@link Optional#empty()}: the transport tells the handler it is malformed, with what {@link
 * #unread} could read of it).
 */
public final class JainSipMessages {

  private JainSipMessages() {}

  /** Parses a whole datagram or stream message; empty when it is not a well-formed request. */
  public static Optional<SipRequest> parse(byte[] raw, Peer source) {
    JulStackLogger.install();
    try {
      SIPMessage message = new StringMsgParser().parseSIPMessage(raw, true, false, null);
      return message instanceof Request request ? toRequest(request, source) : Optional.empty();
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The handlers' view of {@code request} from {@code source}. */
  public static Optional<SipRequest> toRequest(Request request, Peer source) {
    try {
      FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
      ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
      CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
      CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
      String method = request.getMethod();
      if (from == null
          || to == null
          || callId == null
          || cseq == null
          || method == null
          || !method.equals(cseq.getMethod())) {
        return Optional.empty();
      }
      List<ContactEntry> contacts = new ArrayList<>();
      boolean wildcard = false;
      Iterator<?> contactHeaders = request.getHeaders(ContactHeader.NAME);
      while (contactHeaders != null && contactHeaders.hasNext()) {
        ContactHeader contact = (ContactHeader) contactHeaders.next();
        if (contact.isWildCard()) {
          wildcard = true;
        } else if (contact.getAddress() != null && contact.getAddress().getURI() != null) {
          contacts.add(
              new ContactEntry(contact.getAddress().getURI().toString(), contact.getExpires()));
        } else {
          return Optional.empty();
        }
      }
      ExpiresHeader expires = request.getExpires();
      UserAgentHeader agent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
      return Optional.of(
          new SipRequest(
              method.toUpperCase(Locale.ROOT),
              request.getRequestURI() == null ? "" : request.getRequestURI().toString(),
              address(from.getAddress()),
              address(to.getAddress()),
              callId.getCallId(),
              cseq.getSeqNumber(),
              contacts,
              wildcard,
              expires == null ? -1 : expires.getExpires(),
              values(
                  request,
                  Request.REGISTER.equals(method) ? "Authorization" : "Proxy-Authorization"),
              agent == null ? "" : ((SIPHeader) agent).getHeaderValue().strip(),
              source));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What can be read of a request {@link #toRequest} refused: method, Call-ID, User-Agent. */
  public static SipRequest unread(Request request, Peer source) {
    return GuardedParser.unread(
        source, RawMessage.of(request.toString().getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static List<String> values(Request request, String name) {
    List<String> values = new ArrayList<>();
    Iterator<?> headers = request.getHeaders(name);
    while (headers != null && headers.hasNext()) {
      values.add(((SIPHeader) headers.next()).getHeaderValue());
    }
    return values;
  }

  private static SipAddress address(Address address) {
    if (address != null && address.getURI() instanceof SipURI uri) {
      return new SipAddress(uri.getUser(), uri.getHost());
    }
    return new SipAddress("", "");
  }
}
