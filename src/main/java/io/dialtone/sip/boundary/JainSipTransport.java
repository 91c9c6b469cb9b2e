package io.dialtone.sip.boundary;

import gov.nist.javax.sip.message.SIPRequest;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipHandler;
import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipRequest.Peer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The transport half of the seam, on the JAIN-SIP reference implementation: listens on UDP, TCP and
 * TLS (TLS 1.2 and 1.3 only), hands each request to the {@link SipHandler} as a {@link SipRequest},
 * and sends its {@link SipAnswer} through a server transaction (which absorbs retransmissions). A
 * request the codec refuses gets 400; a handler failure gets 500 and a log line. Replacing the
 * library means replacing this class and {@link JainSipMessages} only.
 */
public final class JainSipTransport implements SipListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JainSipTransport.class.getName());
  private static final SecureRandom TAGS = new SecureRandom();

  /** TLS suites offered on SIP over TLS: forward secrecy and AEAD only. */
  static final List<String> CIPHERS =
      List.of(
          "TLS_AES_256_GCM_SHA384",
          "TLS_AES_128_GCM_SHA256",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private final SipHandler handler;
  private final SipListenConfig config;
  private final Map<SipProvider, String> transports = new IdentityHashMap<>();
  private SipStack stack;
  private MessageFactory messages;
  private HeaderFactory headers;

  public JainSipTransport(SipHandler handler, SipListenConfig config) {
    this.handler = handler;
    this.config = config;
  }

  /** Binds the ports and starts delivering requests. */
  public void start() throws SipException {
    JulStackLogger.install();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    try {
      stack = factory.createSipStack(properties());
      messages = factory.createMessageFactory();
      headers = factory.createHeaderFactory();
      listen("UDP", config.port());
      listen("TCP", config.port());
      if (config.tlsPort() > 0) {
        if (config.keystore().isPresent()) {
          listen("TLS", config.tlsPort());
        } else {
          LOG.warning("SIP over TLS is off: no keystore (set DIALTONE_SIP_TLS_KEYSTORE)");
        }
      }
      stack.start();
    } catch (Exception e) {
      close();
      throw e instanceof SipException sip ? sip : new SipException("SIP stack failed", e);
    }
  }

  private void listen(String transport, int port) throws Exception {
    ListeningPoint point =
        stack.createListeningPoint(config.address(), port, transport.toLowerCase(Locale.ROOT));
    SipProvider provider = stack.createSipProvider(point);
    provider.addSipListener(this);
    transports.put(provider, transport);
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", "dialtone-sip-" + config.port());
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    // Requests reach the handler from several threads at once (it is thread-safe).
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "8");
    // Bounds against slow or oversized senders.
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "16384");
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
    p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "4096");
    p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
    // The portal's suites (PayaraRuntimeConfig): TLS 1.3, and TLS 1.2 ECDHE with AEAD only.
    p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(" ", CIPHERS));
    config
        .keystore()
        .ifPresent(
            keystore -> {
              p.setProperty("javax.net.ssl.keyStore", keystore);
              p.setProperty("javax.net.ssl.keyStorePassword", config.keystorePassword());
              p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
              p.setProperty("javax.net.ssl.trustStore", keystore);
              p.setProperty("javax.net.ssl.trustStorePassword", config.keystorePassword());
              p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            });
    return p;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    SipProvider provider = (SipProvider) event.getSource();
    SIPRequest nist = (SIPRequest) request;
    Peer peer =
        new Peer(
            nist.getRemoteAddress() == null ? "" : nist.getRemoteAddress().getHostAddress(),
            nist.getRemotePort(),
            transports.getOrDefault(provider, "UDP"));
    Optional<SipRequest> parsed = JainSipMessages.toRequest(request, peer);
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null
        && parsed.isPresent()
        && !parsed.get().authorizations().isEmpty()
        && !Request.ACK.equals(request.getMethod())) {
      // Own the transaction before checking the credentials, so the stack absorbs the phone's
      // retransmissions meanwhile instead of delivering them as replays.
      transaction = newTransaction(provider, request);
    }
    SipAnswer answer;
    if (parsed.isEmpty()) {
      answer = Request.ACK.equals(request.getMethod()) ? SipAnswer.drop() : SipAnswer.of(400);
    } else {
      try {
        answer = handler.handle(parsed.get());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "SIP handler failed on a " + request.getMethod(), e);
        answer = SipAnswer.of(500);
      }
    }
    if (!answer.dropped()) {
      send(transaction, provider, request, answer);
    } else if (transaction != null) {
      try {
        transaction.terminate();
      } catch (javax.sip.ObjectInUseException e) {
        LOG.log(Level.FINE, "SIP transaction could not be ended", e);
      }
    }
  }

  private static ServerTransaction newTransaction(SipProvider provider, Request request) {
    try {
      return provider.getNewServerTransaction(request);
    } catch (SipException e) {
      return null; // a retransmission racing its transaction: answered statelessly
    }
  }

  private void send(
      ServerTransaction existing, SipProvider provider, Request request, SipAnswer answer) {
    try {
      Response response = messages.createResponse(answer.status(), request);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null) {
        to.setTag(tag());
      }
      for (SipAnswer.Header header : answer.headers()) {
        for (javax.sip.header.Header h : header(header)) {
          response.addHeader(h);
        }
      }
      ServerTransaction transaction =
          existing != null ? existing : newTransaction(provider, request);
      if (transaction == null) {
        provider.sendResponse(response);
      } else {
        transaction.sendResponse(response);
      }
    } catch (java.text.ParseException e) {
      LOG.log(Level.WARNING, "SIP response could not be built", e);
    } catch (Exception e) {
      LOG.log(Level.FINE, "SIP response could not be sent", e);
    }
  }

  /** One header line as the library's headers (the Allow list is several). */
  @SuppressWarnings("unchecked")
  private List<javax.sip.header.Header> header(SipAnswer.Header header)
      throws java.text.ParseException {
    if (!header.name().equalsIgnoreCase("Allow")) {
      return List.of(headers.createHeader(header.name(), header.value()));
    }
    return ((gov.nist.javax.sip.header.HeaderFactoryImpl) headers)
        .createHeaders(header.name() + ": " + header.value());
  }

  private static String tag() {
    byte[] bytes = new byte[8];
    TAGS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void processResponse(ResponseEvent event) {
    // the registrar sends no requests
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    // nothing to clean up: no dialogs, no client transactions
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.fine(() -> "SIP I/O error with " + event.getHost() + ":" + event.getPort());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // nothing kept per transaction
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // no dialogs
  }

  /** The ports actually bound, e.g. {@code UDP 5060}, for the start-up line. */
  public List<String> bound() {
    List<String> bound = new ArrayList<>();
    transports.forEach(
        (provider, transport) ->
            bound.add(transport + " " + provider.getListeningPoint().getPort()));
    bound.sort(null);
    return bound;
  }

  @Override
  public void close() {
    if (stack != null) {
      try {
        for (SipProvider provider : transports.keySet()) {
          provider.removeSipListener(this);
          stack.deleteSipProvider(provider);
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "SIP providers could not be removed", e);
      }
      stack.stop();
      SipFactory.getInstance().resetFactory();
      transports.clear();
      stack = null;
    }
  }
}
