package io.dialtone.sip.boundary;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.dialtone.sip.control.SipHandler;
import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipRequest.Peer;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The library's parser behind the registrar's source guards (SECURITY.md D4, D8). Before a datagram
 * is parsed, a flooding source is dropped and one over the size limit is dropped and counted as a
 * failure. A message the parser refuses never gets the library's own 400 (whose reason phrase
 * echoed the parser's Java text and whose body echoed the whole message): when the headers its
 * answer needs can be read, it becomes a minimal request marked {@link #MALFORMED} that the
 * transport hands to {@link SipHandler#malformed} (count, ban, scanner check, fixed 400); else it
 * is dropped and, where its source is known, counted. A request of another SIP version is marked
 * {@link #OTHER_VERSION} and answered 505.
 */
final class GuardedParser implements MessageParserFactory, MessageParser {

  /** Marks a request rebuilt from a message the parser refused. */
  static final Object MALFORMED = new Object();

  /** Marks a request whose request line named a SIP version other than 2.0. */
  static final Object OTHER_VERSION = new Object();

  /** Headers without which a message is not read (those the library itself insists on). */
  private static final Set<Class<?>> ESSENTIAL =
      Set.of(
          From.class,
          To.class,
          CSeq.class,
          Via.class,
          CallID.class,
          ContentLength.class,
          RequestLine.class);

  private static final StringMsgParser STOCK = new StringMsgParser();

  private final SipHandler handler;
  private final Executor workers;
  private final int maxMessage;

  /**
   * @param workers where the handler hears of a message it will not see (its bans fire events whose
   *     observers need the application's context, which the library's threads lack)
   */
  GuardedParser(SipHandler handler, Executor workers, int maxMessage) {
    this.handler = handler;
    this.workers = workers;
    this.maxMessage = maxMessage;
  }

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return this;
  }

  /**
   * @param listener the channel the datagram came in on (it knows the source address); none for
   *     stream transports, whose sources are checked when they connect
   */
  @Override
  public SIPMessage parseSIPMessage(
      byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
      throws ParseException {
    String source = listener instanceof MessageChannel channel ? channel.getPeerAddress() : null;
    if (source != null && !handler.readable(source)) {
      return null;
    }
    if (bytes.length > maxMessage) {
      counted(source, RawMessage.of(bytes));
      return null;
    }
    SIPMessage message;
    try {
      message = STOCK.parseSIPMessage(bytes, readBody, strict, GuardedParser::essentialOnly);
    } catch (ParseException | RuntimeException e) {
      return rebuilt(bytes, source);
    }
    if (message instanceof SIPRequest request
        && (request.getCSeq() == null
            || !request.getCSeq().getMethod().equalsIgnoreCase(request.getMethod()))) {
      return rebuilt(bytes, source); // its CSeq names another method: answered as malformed
    }
    if (message instanceof SIPRequest request && !version20(bytes)) {
      request.setApplicationData(OTHER_VERSION);
    }
    return message;
  }

  /**
   * Whether the request line ends in {@code SIP/2.0}. The library's grammar reads any version as
   * 2.0, so the raw line is looked at.
   */
  private static boolean version20(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    byte[] version = {'S', 'I', 'P', '/', '2', '.', '0'};
    if (end < version.length + 1 || bytes[end - version.length - 1] != ' ') {
      return false;
    }
    for (int i = 0; i < version.length; i++) {
      if (Character.toUpperCase(bytes[end - version.length + i]) != version[i]) {
        return false;
      }
    }
    return true;
  }

  /** The minimal request of a refused message, marked, or nothing (counted) when it has none. */
  private SIPMessage rebuilt(byte[] bytes, String source) {
    RawMessage raw = RawMessage.of(bytes);
    Optional<byte[]> minimal = raw.answerable();
    if (minimal.isPresent()) {
      try {
        SIPMessage message = STOCK.parseSIPMessage(minimal.get(), true, false, null);
        if (message instanceof SIPRequest request && message.getCSeq() != null) {
          request.setApplicationData(MALFORMED);
          return request;
        }
      } catch (ParseException | RuntimeException e) {
        // its answer headers are broken too: nothing to answer
      }
    }
    if (!raw.response()) {
      counted(source, raw);
    }
    return null;
  }

  private void counted(String source, RawMessage raw) {
    if (source != null) {
      SipRequest unread = unread(new Peer(source, 0, "UDP"), raw);
      try {
        workers.execute(() -> handler.malformed(unread));
      } catch (RejectedExecutionException e) {
        // the workers are saturated: the message is dropped uncounted, as the socket would drop it
      }
    }
  }

  /** What the handler is told of a message it cannot see: its method, Call-ID and User-Agent. */
  static SipRequest unread(Peer source, RawMessage raw) {
    SipRequest.SipAddress nobody = new SipRequest.SipAddress("", "");
    return new SipRequest(
        raw.method().orElse("-"),
        "",
        nobody,
        nobody,
        raw.callId(),
        0,
        List.of(),
        false,
        -1,
        List.of(),
        raw.userAgent(),
        source);
  }

  /** A broken essential header refuses the message; any other broken header is kept unread. */
  private static void essentialOnly(
      ParseException e, SIPMessage message, Class<?> header, String line, String text)
      throws ParseException {
    if (header != null && ESSENTIAL.contains(header)) {
      throw e;
    }
    message.addUnparsed(line);
  }
}
