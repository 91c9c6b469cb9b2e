package io.dialtone.sip.boundary;

import static io.dialtone.sip.boundary.ProxyMessages.random;
import static io.dialtone.sip.boundary.ProxyMessages.toTag;

import io.dialtone.sip.control.CallHandler;
import io.dialtone.sip.control.SipAnswer;
import io.dialtone.sip.control.SipRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The stateful proxy on the library's transaction layer (RFC 3261 §16): a server transaction per
 * proxied INVITE, a client transaction per branch, Record-Route (twice when the call changes
 * transport), Max-Forwards (483), loop detection (482: an INVITE that already passed here; Dialtone
 * never spirals), 481 for an INVITE with a To tag of no call here, CANCEL, hop-by-hop ACK of
 * non-2xx answers (the library's client transactions), ACK and BYE of the answered dialog along the
 * record-route, and 2xx retransmissions passed on statelessly. Bodies (SDP) pass untouched;
 * Proxy-Authorization and P-Asserted-Identity of the phone never leave. One entry per call in
 * progress, by Call-ID, removed on every ending. Events reach call control on the workers, one at a
 * time per call. A phone registered over TCP or TLS is reached down the connection it registered
 * over, and an authenticated caller over TCP or TLS down the one it called over, for the INVITE and
 * every later request of the call ({@link DialogRoute}, RFC 5626 style: behind a NAT its Contact is
 * no address anyone can reach); a connection gone: 430 (Flow Failed). Other in-dialog requests go
 * to the Contact as the other side wrote it.
 */
final class JainSipProxy {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  private final CallHandler handler;
  private final Executor workers;
  private final ScheduledExecutorService timers;
  private final ProxyWire wire;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  JainSipProxy(
      CallHandler handler,
      Executor workers,
      ScheduledExecutorService timers,
      Map<String, SipProvider> providers,
      String host,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      java.util.function.BiPredicate<String, Integer> flows) {
    this.handler = handler;
    this.workers = workers;
    this.timers = timers;
    this.wire = new ProxyWire(providers, host, messages, headers, addresses, flows);
  }

  /** Calls in progress (INVITE received, no ending yet). */
  int inProgress() {
    return calls.size();
  }

  /**
   * Whether {@code request} is the proxy's to answer: a request within a dialog (To tag) other than
   * an INVITE of no call here — its call's, or 481 when no call has its Call-ID (e.g. a BYE of a
   * call lost in a restart; an ACK is dropped) — or the CANCEL of a call in progress. An INVITE
   * with a To tag and no call takes the digest path first (then 481).
   */
  boolean owns(Request request) {
    CallIdHeader id = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    boolean known = id != null && calls.containsKey(id.getCallId());
    String method = request.getMethod();
    if (Request.CANCEL.equals(method)) {
      return known;
    }
    return toTag(request) != null && (known || !Request.INVITE.equals(method));
  }

  /**
   * An INVITE to proxy ({@code proxied}: an authenticated caller's or a carrier's): a server
   * transaction, then call control.
   */
  void invite(Request request, SipProvider provider, SipRequest parsed, SipAnswer proxied) {
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
      wire.answer(server, request, 483, null);
      return;
    }
    if (toTag(request) != null) {
      wire.answer(server, request, 481, null); // a re-INVITE of no dialog here: never a new call
      return;
    }
    if (wire.looped(request) || calls.containsKey(callId)) {
      wire.answer(server, request, 482, null);
      return;
    }
    if (proxied.caller() != null) {
      // a carrier trusts Diversion as it trusts the caller ID: a phone's never leaves Dialtone
      // (continuity writes Dialtone's own), whether or not the call presents a caller ID
      request.removeHeader("Diversion");
    }
    String callerFlow = proxied.caller() != null ? DialogRoute.flowOf(parsed.source()) : null;
    Call call =
        new Call(this, wire, workers, timers, server, request, provider, parsed, callerFlow);
    calls.put(callId, call);
    wire.answer(server, request, 100, null);
    try {
      if (proxied.caller() != null) {
        handler.invited(proxied.caller(), call);
      } else {
        handler.fromCarrier(proxied.carrier(), call);
      }
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
        call.ack(request);
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
      wire.answer(server, request, 481, null);
    } else if (Request.CANCEL.equals(method)) {
      if (call.cancelledBy(request)) {
        wire.answer(server, request, 200, null);
        call.cancelledByCaller();
      } else {
        wire.answer(server, request, 481, null);
      }
    } else if (!call.answered() || !call.belongs(request)) {
      wire.answer(server, request, 481, null);
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
    }
  }

  /**
   * An answer of no client transaction here (its branch matches none): the callee's 2xx again, when
   * our ACK was lost on the way, goes on to the caller; anything else (a 180 after its call's 200,
   * an answer to a transaction long ended) is dropped, as RFC 3261 §16.7 step 3 allows.
   */
  void unmatched(Response response) {
    if (response.getStatusCode() / 100 != 2) {
      return;
    }
    CallIdHeader id = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
    Call call = id == null ? null : calls.get(id.getCallId());
    if (call != null && call.answeredBy(response)) {
      wire.forwardResponseStateless(response);
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
      SipURI target = (SipURI) wire.addresses().createURI(uri);
      String transport = wire.transportOf(target);
      SipURI self = wire.addresses().createSipURI("dialtone", wire.host());
      Request options =
          wire.messages()
              .createRequest(
                  target,
                  Request.OPTIONS,
                  wire.headers().createCallIdHeader(random() + "@" + wire.host()),
                  wire.headers().createCSeqHeader(1L, Request.OPTIONS),
                  wire.headers().createFromHeader(wire.addresses().createAddress(self), random()),
                  wire.headers().createToHeader(wire.addresses().createAddress(target), null),
                  new ArrayList<>(List.of(wire.via(transport))),
                  wire.headers().createMaxForwardsHeader(70));
      ClientTransaction client = wire.provider(transport).getNewClientTransaction(options);
      client.setApplicationData(answer);
      client.sendRequest();
    } catch (Exception e) {
      answer.complete(0);
    }
    return answer.completeOnTimeout(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Forgets {@code call}, ended (a later request of its Call-ID is of no call). */
  void forget(String callId, Call call) {
    calls.remove(callId, call);
  }
}
