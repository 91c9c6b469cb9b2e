package io.dialtone.sip.boundary;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import io.dialtone.sip.control.CallHandler;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The transport half of the seam, on the JAIN-SIP reference implementation: listens on UDP, TCP and
 * TLS (TLS 1.2 and 1.3 only), hands each request to the {@link SipHandler} as a {@link SipRequest}
 * on the given workers, and sends its {@link SipAnswer} statelessly, as Kamailio's registrar does:
 * no server transaction per request (each would keep the request and its response for 32 s, tens of
 * thousands of live objects under load); {@link RecentAnswers} gives a retransmission the answer
 * its first copy got. TCP and TLS use the library's non-blocking transport, bounded by {@link
 * Connections}; datagrams pass the source guards before they are parsed ({@link GuardedParser}). A
 * message the codec refuses goes to {@link SipHandler#malformed} (400 with a fixed reason phrase,
 * or nothing); another SIP version gets 505; a handler failure gets 500 and a log line. Replacing
 * the library means replacing this class, its package-private helpers and {@link JainSipMessages}.
 */
public final class JainSipTransport implements SipListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JainSipTransport.class.getName());

  /** One generator per thread: a shared one serialises every response on its lock. */
  private static final ThreadLocal<SecureRandom> TAGS = ThreadLocal.withInitial(SecureRandom::new);

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

  /** Socket buffer asked for UDP, bytes: about a second of 5,000 registrations per second. */
  static final int UDP_BUFFER = 4 << 20;

  /** The largest message read, bytes, on every transport; a larger datagram is a failure. */
  static final int MAX_MESSAGE = 16_384;

  /** Threads that parse and handle UDP datagrams, in the order they came (see below). */
  static final int UDP_READERS = 1;

  private final SipHandler handler;
  private final Executor workers;
  private final SipListenConfig config;
  private final Map<SipProvider, String> transports = new IdentityHashMap<>();
  private final RecentAnswers recent = new RecentAnswers();
  private final Connections connections;
  private final CallHandler calls;
  private final ScheduledExecutorService timers;
  private SipStack stack;
  private MessageFactory messages;
  private volatile JainSipProxy proxy;

  /**
   * @param handler answers each request
   * @param workers runs the handler and sends its answer (the library's threads only read and
   *     parse); a request it rejects is dropped, as the socket would drop it under overload
   * @param config where to listen
   */
  public JainSipTransport(SipHandler handler, Executor workers, SipListenConfig config) {
    this(handler, workers, config, null, null);
  }

  /**
   * @param calls receives the authenticated INVITEs, proxied statefully ({@link JainSipProxy});
   *     null: an authenticated INVITE gets 501
   * @param timers runs the proxy's timers (a branch's time to answer)
   */
  public JainSipTransport(
      SipHandler handler,
      Executor workers,
      SipListenConfig config,
      CallHandler calls,
      ScheduledExecutorService timers) {
    this.handler = handler;
    this.workers = workers;
    this.config = config;
    this.calls = calls;
    this.timers = timers;
    this.connections = new Connections(config.limits(), handler, System::currentTimeMillis);
  }

  /** Binds the ports and starts delivering requests. */
  public void start() throws SipException {
    JulStackLogger.install();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    try {
      stack = factory.createSipStack(properties());
      SipStackImpl library = (SipStackImpl) stack;
      library.setMessageProcessorFactory(new GuardedNioFactory(connections));
      library.setMessageParserFactory(new GuardedParser(handler, workers, MAX_MESSAGE));
      messages = factory.createMessageFactory();
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
      if (calls != null && timers != null) {
        Map<String, SipProvider> byTransport = new java.util.HashMap<>();
        transports.forEach((provider, transport) -> byTransport.put(transport, provider));
        proxy =
            new JainSipProxy(
                calls,
                workers,
                timers,
                byTransport,
                advertised(config.address()),
                messages,
                factory.createHeaderFactory(),
                factory.createAddressFactory(),
                connections::open);
        JainSipProxy routed = proxy;
        UnmatchedAnswers.route(stack, routed::unmatched);
      }
    } catch (Exception e) {
      close();
      throw e instanceof SipException sip ? sip : new SipException("SIP stack failed", e);
    }
  }

  /** The address the proxy writes in Via and Record-Route: the listening one, else this host's. */
  private static String advertised(String address) throws java.net.UnknownHostException {
    return "0.0.0.0".equals(address) || "::".equals(address) || address.isBlank()
        ? java.net.InetAddress.getLocalHost().getHostAddress()
        : address;
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
    // The listener is called on the thread that parsed the message. One such thread for UDP keeps
    // the datagrams of a call in the order they came (a callee's 180 and 200 sent back to back were
    // relayed the other way round with two); the work behind a request runs on the workers, and
    // TCP and TLS have their own threads below.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(UDP_READERS));
    p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "8");
    // Non-blocking TCP and TLS: one selector thread per port, whatever the number of connections
    // (Connections bounds them and ends idle ones; the library's own idle auditor walks its tables
    // from a timer thread, so it stays off).
    p.setProperty(
        "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", NioMessageProcessorFactory.class.getName());
    p.setProperty("gov.nist.javax.sip.NIO_BLOCKING_MODE", "NONBLOCKING");
    p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "0");
    // Bounds against slow or oversized senders.
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE));
    // Room for a burst while the JVM pauses (the kernel caps it at net.core.rmem_max).
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER));
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER));
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    // A finished transaction keeps its messages as bytes (parsed again if asked), not as parsed
    // objects for its 32 s of retransmission timers: young collections then copy far less (at 500
    // calls/s their pauses fell from 80-160 ms to about 30 ms).
    p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
    // Answers of no client transaction go to the proxy without the library's search of them all.
    p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", UnmatchedAnswers.class.getName());
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
    String method = request.getMethod();
    // REGISTER and OPTIONS never look at the proxy: the registrar's fast path is unchanged
    if (!Request.REGISTER.equals(method) && !Request.OPTIONS.equals(method)) {
      JainSipProxy current = proxy;
      if (current != null && current.owns(request)) {
        // Relayed here, on the thread that read it: an ACK and the BYE right behind it leave in
        // the order they came (on two workers the BYE sometimes overtook its ACK, and the callee
        // ignored it); relaying waits for nothing (no database, no call control).
        try {
          current.inCall(request, event.getServerTransaction(), provider);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "SIP proxy failed on a " + method, e);
        }
        return;
      }
      if (Request.ACK.equals(method)) {
        return; // the ACK of a stateless final answer: nothing to do
      }
    }
    SIPRequest nist = (SIPRequest) request;
    Peer peer =
        new Peer(
            nist.getRemoteAddress() == null ? "" : nist.getRemoteAddress().getHostAddress(),
            nist.getRemotePort(),
            transports.getOrDefault(provider, "UDP"));
    Object mark = nist.getApplicationData();
    String key = nist.getTransactionId() + ' ' + request.getMethod() + ' ' + peer;
    RecentAnswers.Entry earlier = recent.claim(key, System.nanoTime());
    if (earlier != null) {
      if (!earlier.inFlight() && !earlier.answer().dropped() && !earlier.answer().proxied()) {
        send(provider, request, earlier.answer(), earlier.toTag());
      }
      return;
    }
    try {
      workers.execute(() -> answer(key, request, peer, provider, mark));
    } catch (RejectedExecutionException e) {
      recent.release(key);
      LOG.fine(() -> "SIP workers saturated: dropped a " + request.getMethod() + " of " + peer);
    }
  }

  private void answer(String key, Request request, Peer peer, SipProvider provider, Object mark) {
    Optional<SipRequest> parsed =
        mark == null ? JainSipMessages.toRequest(request, peer) : Optional.empty();
    SipAnswer answer;
    if (mark == GuardedParser.OTHER_VERSION) {
      answer = SipAnswer.of(505);
    } else if (parsed.isEmpty()) {
      answer = handler.malformed(JainSipMessages.unread(request, peer));
    } else {
      try {
        answer = handler.handle(parsed.get());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "SIP handler failed on a " + request.getMethod(), e);
        answer = SipAnswer.of(500);
      }
    }
    if (answer.status() == 200
        && Request.REGISTER.equals(request.getMethod())
        && !"UDP".equals(peer.transport())) {
      connections.registered(peer.ip(), peer.port());
    }
    String tag = tag();
    recent.answered(key, answer, tag);
    if (answer.proxied()) {
      JainSipProxy current = proxy;
      if (current != null && parsed.isPresent()) {
        current.invite(request, provider, parsed.get(), answer);
      } else {
        send(provider, request, SipAnswer.of(501), tag);
      }
      return;
    }
    if (!answer.dropped()) {
      send(provider, request, answer, tag);
    }
  }

  /** Sends {@code answer} to {@code request} statelessly, with {@code tag} as the To tag. */
  private void send(SipProvider provider, Request request, SipAnswer answer, String tag) {
    try {
      Response response = messages.createResponse(answer.status(), request);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null) {
        to.setTag(tag);
      }
      for (SipAnswer.Header header : answer.headers()) {
        response.addHeader(header(header));
      }
      provider.sendResponse(response);
    } catch (java.text.ParseException e) {
      LOG.log(Level.WARNING, "SIP response could not be built", e);
    } catch (Exception e) {
      LOG.log(Level.FINE, "SIP response could not be sent", e);
    }
  }

  /**
   * One header line as it is sent. The registrar's headers are written, never read back, so they
   * are not run through the library's parser (a third of a response's cost when they were).
   */
  private static javax.sip.header.Header header(SipAnswer.Header header) {
    ExtensionHeaderImpl line = new ExtensionHeaderImpl(header.name());
    line.setValue(header.value());
    return line;
  }

  /** A To tag: 64 random bits (RFC 3261 §19.3 asks for at least 32). */
  private static String tag() {
    byte[] bytes = new byte[8];
    TAGS.get().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void processResponse(ResponseEvent event) {
    JainSipProxy current = proxy;
    if (current != null) {
      try {
        current.response(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "SIP proxy failed on a response", e);
      }
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    JainSipProxy current = proxy;
    if (current != null) {
      try {
        current.timeout(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "SIP proxy failed on a timeout", e);
      }
    }
  }

  /** An OPTIONS to {@code uri}: its final status, or 0 without one within {@code timeout}. */
  public java.util.concurrent.CompletableFuture<Integer> ping(
      String uri, java.time.Duration timeout) {
    JainSipProxy current = proxy;
    return current == null
        ? java.util.concurrent.CompletableFuture.completedFuture(0)
        : current.ping(uri, timeout);
  }

  /** Calls in progress through the proxy. */
  public int callsInProgress() {
    JainSipProxy current = proxy;
    return current == null ? 0 : current.inProgress();
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

  /** Ends overdue and idle connections and those of sources banned since (called every second). */
  public void sweepConnections() {
    connections.sweep();
  }

  /** Ends every connection of {@code address}, which was just banned. */
  public void endConnections(String address) {
    connections.endAll(address);
  }

  /** TCP and TLS connections held now. */
  public int connectionCount() {
    return connections.count();
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
      UnmatchedAnswers.unroute(stack);
      stack.stop();
      SipFactory.getInstance().resetFactory();
      transports.clear();
      stack = null;
    }
  }
}
