package io.dialtone.sip.boundary;

import io.dialtone.sip.control.Branch;
import io.dialtone.sip.control.BranchListener;
import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.CallListener;
import io.dialtone.sip.control.DigestCredentials;
import io.dialtone.sip.control.DigestMath;
import io.dialtone.sip.control.ForkTarget;
import io.dialtone.sip.control.ProxiedCall;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipDigest;
import io.dialtone.sip.control.SipRequest;
import io.dialtone.sip.control.SipUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The stateful proxy on the library's transaction layer (RFC 3261 §16): a server transaction per
 * proxied INVITE, a client transaction per branch, Record-Route (twice when the call changes
 * transport), Max-Forwards (483), loop detection (482: an INVITE that already passed here; Dialtone
 * never spirals), CANCEL, hop-by-hop ACK of non-2xx answers (the library's client transactions),
 * ACK and BYE of the answered dialog along the record-route, and 2xx retransmissions passed on
 * statelessly. Bodies (SDP) pass untouched; Proxy-Authorization and P-Asserted-Identity of the
 * phone never leave. One entry per call in progress, by Call-ID, removed on every ending. Events
 * reach call control on the workers, one at a time per call. In-dialog requests towards a phone go
 * to its Contact as it wrote it (no NAT traversal).
 */
final class JainSipProxy {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(SecureRandom::new);

  private final CallHandler handler;
  private final Executor workers;
  private final ScheduledExecutorService timers;
  private final Map<String, SipProvider> providers;
  private final String host;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  JainSipProxy(
      CallHandler handler,
      Executor workers,
      ScheduledExecutorService timers,
      Map<String, SipProvider> providers,
      String host,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses) {
    this.handler = handler;
    this.workers = workers;
    this.timers = timers;
    this.providers = Map.copyOf(providers);
    this.host = host;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
  }

  /** Calls in progress (INVITE received, no ending yet). */
  int inProgress() {
    return calls.size();
  }

  /** Whether {@code request} belongs to a proxied call (its CANCEL, ACK, BYE...). */
  boolean owns(Request request) {
    CallIdHeader id = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    if (id == null || !calls.containsKey(id.getCallId())) {
      return false;
    }
    return Request.CANCEL.equals(request.getMethod()) || toTag(request) != null;
  }

  /** An authenticated INVITE of {@code caller}: a server transaction, then call control. */
  void invite(Request request, SipProvider provider, SipRequest parsed, SipUser caller) {
    ServerTransaction server;
    try {
      server = provider.getNewServerTransaction(request);
    } catch (Exception e) {
      LOG.fine(() -> "no server transaction for an INVITE: " + e.getMessage());
      return;
    }
    String callId = parsed.callId();
    MaxForwardsHeader hops = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
    if (hops != null && hops.getMaxForwards() <= 0) {
      answer(server, request, 483, null);
      return;
    }
    if (looped(request) || calls.containsKey(callId)) {
      answer(server, request, 482, null);
      return;
    }
    Call call = new Call(server, request, provider, parsed);
    calls.put(callId, call);
    answer(server, request, 100, null);
    try {
      handler.invited(caller, call);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "call control failed on an INVITE", e);
      call.fail(500, "Server error");
    }
  }

  /** A request of a proxied call: CANCEL, ACK of the 2xx, BYE and other in-dialog requests. */
  void inCall(Request request, ServerTransaction existing, SipProvider provider) {
    CallIdHeader id = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    Call call = id == null ? null : calls.get(id.getCallId());
    String method = request.getMethod();
    if (Request.ACK.equals(method)) {
      if (call != null && call.answered() && call.belongs(request)) {
        forwardStateless(request);
      }
      return;
    }
    ServerTransaction server = existing;
    try {
      if (server == null) {
        server = provider.getNewServerTransaction(request);
      }
    } catch (Exception e) {
      LOG.fine(() -> "no server transaction for a " + method + ": " + e.getMessage());
      return;
    }
    if (call == null) {
      answer(server, request, 481, null);
    } else if (Request.CANCEL.equals(method)) {
      if (call.cancelledBy(request)) {
        answer(server, request, 200, null);
        call.cancelledByCaller();
      } else {
        answer(server, request, 481, null);
      }
    } else if (!call.answered() || !call.belongs(request)) {
      answer(server, request, 481, null);
    } else {
      call.inDialog(request, server);
    }
  }

  /** A response: to a branch, to a request relayed in a dialog, to a ping, or a 2xx again. */
  void response(ResponseEvent event) {
    ClientTransaction client = event.getClientTransaction();
    Response response = event.getResponse();
    Object data = client == null ? null : client.getApplicationData();
    if (data instanceof Leg leg) {
      leg.call.response(leg, response);
    } else if (data instanceof Relay relay) {
      if (response.getStatusCode() >= 200 || response.getStatusCode() > 100) {
        relay.response(response);
      }
    } else if (data instanceof CompletableFuture<?> ping) {
      if (response.getStatusCode() >= 200) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer> answer = (CompletableFuture<Integer>) ping;
        answer.complete(response.getStatusCode());
      }
    } else if (client == null && response.getStatusCode() / 100 == 2) {
      CallIdHeader id = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
      Call call = id == null ? null : calls.get(id.getCallId());
      if (call != null && call.answeredBy(response)) {
        forwardResponseStateless(response); // the callee's 2xx again: our ACK was lost on the way
      }
    }
  }

  /** A client transaction timed out (Timer B/F) or could not send. */
  void timeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    Object data = event.getClientTransaction().getApplicationData();
    if (data instanceof Leg leg) {
      leg.call.unanswered(leg);
    } else if (data instanceof Relay relay) {
      relay.timedOut();
    } else if (data instanceof CompletableFuture<?> ping) {
      @SuppressWarnings("unchecked")
      CompletableFuture<Integer> answer = (CompletableFuture<Integer>) ping;
      answer.complete(0);
    }
  }

  /** An OPTIONS to {@code uri}: its final status, or 0 without one within {@code timeout}. */
  CompletableFuture<Integer> ping(String uri, Duration timeout) {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    try {
      SipURI target = (SipURI) addresses.createURI(uri);
      String transport = transportOf(target);
      SipURI self = addresses.createSipURI("dialtone", host);
      Request options =
          messages.createRequest(
              target,
              Request.OPTIONS,
              headers.createCallIdHeader(random() + "@" + host),
              headers.createCSeqHeader(1L, Request.OPTIONS),
              headers.createFromHeader(addresses.createAddress(self), random()),
              headers.createToHeader(addresses.createAddress(target), null),
              new ArrayList<>(List.of(via(transport))),
              headers.createMaxForwardsHeader(70));
      ClientTransaction client = provider(transport).getNewClientTransaction(options);
      client.setApplicationData(answer);
      client.sendRequest();
    } catch (Exception e) {
      answer.complete(0);
    }
    return answer.completeOnTimeout(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---------------------------------------------------------------------------------------------

  /** One proxied call: the caller's INVITE transaction, its branches, then its dialog. */
  private final class Call implements ProxiedCall {

    private final ServerTransaction server;
    private final Request invite;
    private final SipProvider inbound;
    private final SipRequest parsed;
    private final String callerTag;
    private final Events events = new Events();
    private final List<Leg> legs = new ArrayList<>();
    private CallListener listener;
    private int state = TRYING;
    private Response best;
    private Response answer;
    private long callerCseq;
    private long calleeCseq;

    Call(ServerTransaction server, Request invite, SipProvider inbound, SipRequest parsed) {
      this.server = server;
      this.invite = invite;
      this.inbound = inbound;
      this.parsed = parsed;
      this.callerTag = ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag();
      this.callerCseq = parsed.cseq();
    }

    @Override
    public SipRequest request() {
      return parsed;
    }

    @Override
    public String dialled() {
      return invite.getRequestURI() instanceof SipURI uri && uri.getUser() != null
          ? uri.getUser()
          : "";
    }

    @Override
    public synchronized void listen(CallListener listener) {
      this.listener = listener;
    }

    @Override
    public Branch forward(ForkTarget target, BranchListener listener) {
      Leg leg = new Leg(this, target, listener);
      synchronized (this) {
        if (state != TRYING) {
          leg.done = true;
          return leg;
        }
        legs.add(leg);
        try {
          leg.send(outgoing(target, invite.clone(), null));
          return leg;
        } catch (Exception e) {
          LOG.warning("a branch to " + target.uri() + " could not be sent: " + e);
          leg.done = true;
        }
      }
      events.run(() -> listener.failed(0));
      return leg;
    }

    /** The INVITE for one branch. */
    Request outgoing(ForkTarget target, Object copy, Header credentials) throws Exception {
      Request out = (Request) copy;
      SipURI uri = (SipURI) addresses.createURI(target.uri());
      out.setRequestURI(uri);
      MaxForwardsHeader hops = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
      if (hops == null) {
        out.addHeader(headers.createMaxForwardsHeader(69));
      } else {
        hops.decrementMaxForwards();
      }
      out.removeHeader("Proxy-Authorization");
      out.removeHeader("Authorization");
      out.removeHeader("P-Asserted-Identity");
      out.removeHeader("P-Preferred-Identity");
      out.removeHeader(RouteHeader.NAME);
      if (target.callerId().isPresent()) {
        FromHeader from = (FromHeader) out.getHeader(FromHeader.NAME);
        SipURI presented = addresses.createSipURI(target.callerId().get(), host);
        from.setAddress(addresses.createAddress(presented));
        out.setHeader(headers.createHeader("P-Asserted-Identity", "<" + presented + ">"));
      }
      if (credentials != null) {
        out.addHeader(credentials);
      }
      String in = transportOf(inbound);
      String outTransport = transportOf(uri);
      out.addFirst(recordRoute(in));
      if (!in.equals(outTransport)) {
        out.addFirst(recordRoute(outTransport));
      }
      out.addFirst(via(outTransport));
      return out;
    }

    synchronized void response(Leg leg, Response response) {
      int status = response.getStatusCode();
      if (status < 200) {
        leg.heard = true;
        if (status > 100 && state == TRYING && !leg.done) {
          relay(response);
          events.run(() -> leg.listener.ringing(status));
        }
        return;
      }
      if (status < 300) {
        leg.finish();
        if (state == TRYING) {
          state = ANSWERED;
          answer = response;
          relay(response);
          events.run(leg.listener::answered);
        } else if (answeredBy(response)) {
          forwardResponseStateless(response);
        }
        return;
      }
      if (leg.done) {
        return;
      }
      if ((status == 401 || status == 407) && state == TRYING && leg.retryWithLogin(response)) {
        return;
      }
      leg.finish();
      if (best == null || rank(response) < rank(best)) {
        best = response;
      }
      events.run(() -> leg.listener.failed(status));
    }

    synchronized void unanswered(Leg leg) {
      if (leg.done) {
        return;
      }
      leg.finish();
      events.run(() -> leg.listener.failed(0));
    }

    synchronized boolean answered() {
      return state == ANSWERED;
    }

    /**
     * Whether an in-dialog request is of this answered dialog: one side's From tag and the other's
     * To tag, and a Request-URI naming the other side's target as that side gave it (user, host and
     * port of its Contact). Nothing else is relayed: knowing a Call-ID must not let anyone have
     * Dialtone send a request wherever they like, from the address the trunks trust.
     */
    synchronized boolean belongs(Request request) {
      String calleeTag = answer == null ? null : toTag(answer);
      String from = fromTag(request);
      String to = toTag(request);
      if (callerTag == null || calleeTag == null || from == null || to == null) {
        return false;
      }
      URI target;
      if (callerTag.equals(from) && calleeTag.equals(to)) {
        target = contactOf(answer);
      } else if (calleeTag.equals(from) && callerTag.equals(to)) {
        target = contactOf(invite);
      } else {
        return false;
      }
      return sameTarget(target, request.getRequestURI());
    }

    /**
     * Whether {@code cancel} cancels this call's INVITE (RFC 3261 §9.2): the caller's From tag, the
     * INVITE's CSeq number and the branch of its top Via.
     */
    boolean cancelledBy(Request cancel) {
      CSeqHeader cseq = (CSeqHeader) cancel.getHeader(CSeqHeader.NAME);
      ViaHeader via = (ViaHeader) cancel.getHeader(ViaHeader.NAME);
      ViaHeader inviteVia = (ViaHeader) invite.getHeader(ViaHeader.NAME);
      return callerTag != null
          && callerTag.equals(fromTag(cancel))
          && cseq != null
          && cseq.getSeqNumber() == parsed.cseq()
          && via != null
          && inviteVia != null
          && via.getBranch() != null
          && via.getBranch().equals(inviteVia.getBranch());
    }

    /** Whether {@code response} is the 2xx the call was answered with (same To tag). */
    synchronized boolean answeredBy(Response response) {
      return answer != null
          && String.valueOf(toTag(answer)).equals(String.valueOf(toTag(response)));
    }

    @Override
    public void fail(int status, String reason, SipAnswer.Header... extra) {
      synchronized (this) {
        if (state != TRYING) {
          return;
        }
        state = ENDED;
        cancelLegs();
        try {
          if (best != null && best.getStatusCode() == status) {
            Response copy = (Response) best.clone();
            copy.removeFirst(ViaHeader.NAME);
            server.sendResponse(copy);
          } else {
            Response own = messages.createResponse(status, invite);
            tag(own);
            if (reason != null && !reason.isBlank()) {
              own.addHeader(
                  headers.createHeader(
                      "Reason", "SIP;cause=" + status + ";text=\"" + ascii(reason) + "\""));
            }
            for (SipAnswer.Header header : extra) {
              own.addHeader(headers.createHeader(header.name(), header.value()));
            }
            server.sendResponse(own);
          }
        } catch (Exception e) {
          LOG.log(Level.FINE, "a final answer could not be sent", e);
        }
      }
      calls.remove(parsed.callId(), this);
    }

    void cancelledByCaller() {
      synchronized (this) {
        if (state != TRYING) {
          return;
        }
        state = ENDED;
        cancelLegs();
        answer(server, invite, 487, null);
      }
      calls.remove(parsed.callId(), this);
      CallListener current = listener;
      if (current != null) {
        events.run(current::cancelled);
      }
    }

    private void cancelLegs() {
      for (Leg leg : legs) {
        leg.cancel();
      }
    }

    /** A request within the answered dialog: forwarded statefully along the route. */
    void inDialog(Request request, ServerTransaction incoming) {
      boolean byCaller = callerTag != null && callerTag.equals(fromTag(request));
      long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
      boolean bye = Request.BYE.equals(request.getMethod());
      synchronized (this) {
        if (byCaller) {
          callerCseq = Math.max(callerCseq, cseq);
        } else {
          calleeCseq = Math.max(calleeCseq, cseq);
        }
        if (bye) {
          state = ENDED;
        }
      }
      try {
        Request out = (Request) request.clone();
        popOwnRoutes(out);
        MaxForwardsHeader hops = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
        if (hops != null) {
          hops.decrementMaxForwards();
        }
        String transport = nextHopTransport(out);
        out.addFirst(via(transport));
        ClientTransaction client = provider(transport).getNewClientTransaction(out);
        client.setApplicationData(new Relay(incoming, request));
        client.sendRequest();
      } catch (Exception e) {
        LOG.fine(() -> "a " + request.getMethod() + " could not be forwarded: " + e);
        answer(incoming, request, 500, null);
      }
      if (bye) {
        calls.remove(parsed.callId(), this);
        CallListener current = listener;
        if (current != null) {
          events.run(() -> current.ended(byCaller));
        }
      }
    }

    @Override
    public void hangUp() {
      Response ok;
      long toCallee;
      long toCaller;
      synchronized (this) {
        if (state != ANSWERED) {
          return;
        }
        state = ENDED;
        ok = answer;
        toCallee = ++callerCseq;
        toCaller = ++calleeCseq;
      }
      calls.remove(parsed.callId(), this);
      try {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        bye(contactOf(ok), from, to, toCallee);
        bye(
            contactOf(invite),
            headers.createFromHeader(to.getAddress(), to.getTag()),
            headers.createToHeader(from.getAddress(), from.getTag()),
            toCaller);
      } catch (Exception e) {
        LOG.warning("a BYE of call " + parsed.callId() + " could not be sent: " + e);
      }
    }

    private void bye(URI target, FromHeader from, ToHeader to, long cseq) throws Exception {
      if (target == null) {
        return;
      }
      String transport = target instanceof SipURI sip ? transportOf(sip) : "UDP";
      Request bye =
          messages.createRequest(
              target,
              Request.BYE,
              (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
              headers.createCSeqHeader(cseq, Request.BYE),
              from,
              to,
              new ArrayList<>(List.of(via(transport))),
              headers.createMaxForwardsHeader(70));
      bye.addHeader(headers.createHeader("Reason", "SIP;cause=200;text=\"Maximum duration\""));
      ClientTransaction client = provider(transport).getNewClientTransaction(bye);
      client.sendRequest();
    }

    private void relay(Response response) {
      try {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        server.sendResponse(copy);
      } catch (Exception e) {
        LOG.warning("an answer could not be relayed: " + e);
      }
    }

    private void tag(Response response) {
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null) {
        try {
          to.setTag(random());
        } catch (java.text.ParseException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** A call's states: forwarding, answered (its dialog up), ended. */
  private static final int TRYING = 0;

  private static final int ANSWERED = 1;
  private static final int ENDED = 2;

  /** One branch: its client transaction and what it heard. Guarded by its call's lock. */
  private final class Leg implements Branch {
    final Call call;
    final ForkTarget target;
    final BranchListener listener;
    ClientTransaction client;
    ScheduledFuture<?> timer;
    boolean heard;
    boolean done;
    boolean loginTried;

    Leg(Call call, ForkTarget target, BranchListener listener) {
      this.call = call;
      this.target = target;
      this.listener = listener;
    }

    void send(Request request) throws Exception {
      ClientTransaction next = provider(nextHopTransport(request)).getNewClientTransaction(request);
      next.setApplicationData(this);
      client = next;
      next.sendRequest();
      if (timer == null) {
        timer =
            timers.schedule(this::noAnswer, target.noAnswer().toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    private void noAnswer() {
      synchronized (call) {
        if (done || heard) {
          return;
        }
        finish();
        terminate();
      }
      call.events.run(() -> listener.failed(0));
    }

    void finish() {
      done = true;
      if (timer != null) {
        timer.cancel(false);
      }
    }

    @Override
    public void cancel() {
      synchronized (call) {
        if (done) {
          return;
        }
        finish();
        if (!heard) {
          terminate();
          return;
        }
        try {
          Request cancel = client.createCancel();
          provider(nextHopTransport(client.getRequest()))
              .getNewClientTransaction(cancel)
              .sendRequest();
        } catch (Exception e) {
          LOG.log(Level.FINE, "a CANCEL could not be sent", e);
        }
      }
    }

    private void terminate() {
      try {
        client.terminate();
      } catch (Exception e) {
        LOG.log(Level.FINE, "a branch could not be abandoned", e);
      }
    }

    /** Answers the target's challenge once with its login; false when it cannot. */
    boolean retryWithLogin(Response challenge) {
      if (loginTried || target.login().isEmpty()) {
        return false;
      }
      loginTried = true;
      boolean proxy = challenge.getStatusCode() == 407;
      Header asked = challenge.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate");
      if (asked == null) {
        return false;
      }
      try {
        Request previous = client.getRequest();
        Request again = (Request) previous.clone();
        again.removeFirst(ViaHeader.NAME);
        again.addFirst(via(nextHopTransport(previous)));
        CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        String value = ((javax.sip.header.ExtensionHeader) asked).getValue();
        Optional<String> credentials =
            answerChallenge(
                value, target.login().get(), again.getMethod(), again.getRequestURI().toString());
        if (credentials.isEmpty()) {
          return false;
        }
        again.setHeader(
            headers.createHeader(
                proxy ? "Proxy-Authorization" : "Authorization", credentials.get()));
        send(again);
        return true;
      } catch (Exception e) {
        LOG.log(Level.FINE, "a trunk challenge could not be answered", e);
        return false;
      }
    }
  }

  /** A request relayed within a dialog: its answers go back on the incoming transaction. */
  private final class Relay {
    final ServerTransaction incoming;
    final Request request;

    Relay(ServerTransaction incoming, Request request) {
      this.incoming = incoming;
      this.request = request;
    }

    void response(Response response) {
      try {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        incoming.sendResponse(copy);
      } catch (Exception e) {
        LOG.log(Level.FINE, "an in-dialog answer could not be relayed", e);
      }
    }

    void timedOut() {
      answer(incoming, request, 408, null);
    }
  }

  /** Runs one call's events on the workers, one at a time, in order. */
  private final class Events {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    void run(Runnable event) {
      queue.add(event);
      drainLater();
    }

    private void drainLater() {
      if (running.compareAndSet(false, true)) {
        try {
          workers.execute(this::drain);
        } catch (RejectedExecutionException e) {
          drain();
        }
      }
    }

    private void drain() {
      try {
        Runnable next;
        while ((next = queue.poll()) != null) {
          try {
            next.run();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "call control failed on a call event", e);
          }
        }
      } finally {
        running.set(false);
      }
      if (!queue.isEmpty()) {
        drainLater();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void answer(ServerTransaction server, Request request, int status, String reason) {
    try {
      Response response = messages.createResponse(status, request);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (status > 100 && to != null && to.getTag() == null) {
        to.setTag(random());
      }
      if (reason != null) {
        response.addHeader(headers.createHeader("Reason", reason));
      }
      server.sendResponse(response);
    } catch (Exception e) {
      LOG.log(Level.FINE, "an answer could not be sent", e);
    }
  }

  /** An ACK of the answered call, passed on without a transaction. */
  private void forwardStateless(Request request) {
    try {
      Request out = (Request) request.clone();
      popOwnRoutes(out);
      MaxForwardsHeader hops = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
      if (hops != null) {
        hops.decrementMaxForwards();
      }
      String transport = nextHopTransport(out);
      out.addFirst(via(transport));
      provider(transport).sendRequest(out);
    } catch (Exception e) {
      LOG.log(Level.FINE, "an ACK could not be forwarded", e);
    }
  }

  private void forwardResponseStateless(Response response) {
    try {
      Response copy = (Response) response.clone();
      copy.removeFirst(ViaHeader.NAME);
      ViaHeader next = (ViaHeader) copy.getHeader(ViaHeader.NAME);
      if (next != null) {
        provider(next.getTransport().toUpperCase(Locale.ROOT)).sendResponse(copy);
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "a 2xx could not be forwarded", e);
    }
  }

  /** Removes the Route entries naming this proxy from the top of {@code request}. */
  private void popOwnRoutes(Request request) {
    List<Header> kept = new ArrayList<>();
    boolean ownPart = true;
    Iterator<?> routes = request.getHeaders(RouteHeader.NAME);
    while (routes.hasNext()) {
      RouteHeader route = (RouteHeader) routes.next();
      if (ownPart && route.getAddress().getURI() instanceof SipURI uri && own(uri)) {
        continue;
      }
      ownPart = false;
      kept.add(route);
    }
    request.removeHeader(RouteHeader.NAME);
    for (Header route : kept) {
      request.addHeader(route);
    }
  }

  private boolean own(SipURI uri) {
    if (!host.equalsIgnoreCase(uri.getHost())) {
      return false;
    }
    int port = uri.getPort();
    for (SipProvider provider : providers.values()) {
      if (provider.getListeningPoint().getPort() == port) {
        return true;
      }
    }
    return false;
  }

  /** Whether an INVITE already passed here: a Via with one of this proxy's addresses. */
  private boolean looped(Request request) {
    ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
    while (vias.hasNext()) {
      ViaHeader via = (ViaHeader) vias.next();
      if (host.equalsIgnoreCase(via.getHost())) {
        for (SipProvider provider : providers.values()) {
          if (provider.getListeningPoint().getPort() == via.getPort()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private String nextHopTransport(Request request) {
    Iterator<?> routes = request.getHeaders(RouteHeader.NAME);
    if (routes.hasNext()
        && ((RouteHeader) routes.next()).getAddress().getURI() instanceof SipURI route) {
      return transportOf(route);
    }
    return request.getRequestURI() instanceof SipURI uri ? transportOf(uri) : "UDP";
  }

  private String transportOf(SipURI uri) {
    String transport = uri.getTransportParam();
    if (transport == null) {
      return uri.isSecure() ? "TLS" : "UDP";
    }
    String upper = transport.toUpperCase(Locale.ROOT);
    return providers.containsKey(upper) ? upper : "UDP";
  }

  private String transportOf(SipProvider provider) {
    return providers.entrySet().stream()
        .filter(e -> e.getValue() == provider)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("UDP");
  }

  private SipProvider provider(String transport) {
    SipProvider provider = providers.get(transport);
    return provider != null ? provider : providers.get("UDP");
  }

  private ViaHeader via(String transport) throws Exception {
    return headers.createViaHeader(
        host,
        provider(transport).getListeningPoint().getPort(),
        transport.toLowerCase(Locale.ROOT),
        "z9hG4bK" + random());
  }

  private RecordRouteHeader recordRoute(String transport) throws Exception {
    SipURI uri = addresses.createSipURI(null, host);
    uri.setPort(provider(transport).getListeningPoint().getPort());
    if (!"UDP".equals(transport)) {
      uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
    }
    uri.setLrParam();
    return headers.createRecordRouteHeader(addresses.createAddress(uri));
  }

  private static URI contactOf(javax.sip.message.Message message) {
    ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
    return contact == null || contact.getAddress() == null ? null : contact.getAddress().getURI();
  }

  /** Same user, host (case ignored) and port: the parts a phone copies from a Contact. */
  private static boolean sameTarget(URI expected, URI given) {
    if (!(expected instanceof SipURI want) || !(given instanceof SipURI got)) {
      return false;
    }
    return Objects.equals(want.getUser(), got.getUser())
        && want.getHost() != null
        && want.getHost().equalsIgnoreCase(got.getHost())
        && want.getPort() == got.getPort();
  }

  private static String toTag(javax.sip.message.Message message) {
    ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
    return to == null ? null : to.getTag();
  }

  private static String fromTag(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    return from == null ? null : from.getTag();
  }

  /** RFC 3261 §16.7 step 6: any 6xx, else the lowest class, 503 counted as 500. */
  private static int rank(Response response) {
    int status = response.getStatusCode();
    if (status >= 600) {
      return 0;
    }
    return status == 503 ? 500 : status;
  }

  /** The Authorization value answering {@code challenge} (MD5 or SHA-256, qop auth or none). */
  static Optional<String> answerChallenge(
      String challenge, ForkTarget.Login login, String method, String uri) {
    Optional<DigestCredentials> asked = DigestCredentials.parseChallenge(challenge);
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    DigestCredentials c = asked.get();
    if (!login.realm().isEmpty() && !login.realm().equalsIgnoreCase(c.realm())) {
      return Optional.empty();
    }
    Optional<SipDigest> algorithm = DigestMath.algorithm(c.algorithm());
    if (algorithm.isEmpty()) {
      return Optional.empty();
    }
    SipDigest digest = algorithm.get();
    String ha1 = digest.ha1(login.username(), c.realm(), login.password());
    boolean qop = c.qop().toLowerCase(Locale.ROOT).contains("auth");
    String cnonce = random();
    String nc = "00000001";
    String response =
        qop
            ? DigestMath.response(
                digest,
                ha1,
                method,
                new DigestCredentials(
                    login.username(), c.realm(), c.nonce(), uri, "", "", "auth", nc, cnonce))
            : digest.hex(ha1 + ":" + c.nonce() + ":" + digest.hex(method + ":" + uri));
    StringBuilder value =
        new StringBuilder("Digest username=\"")
            .append(login.username())
            .append("\", realm=\"")
            .append(c.realm())
            .append("\", nonce=\"")
            .append(c.nonce())
            .append("\", uri=\"")
            .append(uri)
            .append("\", response=\"")
            .append(response)
            .append("\", algorithm=")
            .append(digest.algorithm());
    if (qop) {
      value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
    }
    return Optional.of(value.toString());
  }

  private static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      }
    }
    return out.length() > 100 ? out.substring(0, 100) : out.toString();
  }

  private static String random() {
    byte[] bytes = new byte[8];
    RANDOM.get().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
