package io.dialtone.sip.boundary;

import static io.dialtone.sip.boundary.ProxyMessages.random;

import io.dialtone.sip.control.ForkTarget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
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
 * How the proxy puts messages on the wire: its providers by transport (UDP, TCP, TLS), the address
 * it advertises in Via and Record-Route, the library's factories, and the sends that need no state
 * of a call (a final answer on a server transaction, an ACK or a 2xx passed on statelessly).
 */
final class ProxyWire {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  private final Map<String, SipProvider> providers;
  private final String host;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final BiPredicate<String, Integer> flows;

  /**
   * @param flows whether a TCP or TLS connection from a phone's address and port is open
   */
  ProxyWire(
      Map<String, SipProvider> providers,
      String host,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      BiPredicate<String, Integer> flows) {
    this.providers = Map.copyOf(providers);
    this.host = host;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
    this.flows = flows;
  }

  String host() {
    return host;
  }

  MessageFactory messages() {
    return messages;
  }

  HeaderFactory headers() {
    return headers;
  }

  AddressFactory addresses() {
    return addresses;
  }

  void answer(ServerTransaction server, Request request, int status, String reason) {
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

  /** An ACK of the answered call, made ready by {@link DialogRoute}, sent without a transaction. */
  void forwardStateless(Request out) {
    try {
      String transport = nextHopTransport(out);
      out.addFirst(via(transport));
      provider(transport).sendRequest(out);
    } catch (Exception e) {
      LOG.log(Level.FINE, "an ACK could not be forwarded", e);
    }
  }

  void forwardResponseStateless(Response response) {
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
  void popOwnRoutes(Request request) {
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

  boolean own(SipURI uri) {
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
  boolean looped(Request request) {
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

  String nextHopTransport(Request request) {
    Iterator<?> routes = request.getHeaders(RouteHeader.NAME);
    if (routes.hasNext()
        && ((RouteHeader) routes.next()).getAddress().getURI() instanceof SipURI route) {
      return transportOf(route);
    }
    return request.getRequestURI() instanceof SipURI uri ? transportOf(uri) : "UDP";
  }

  String transportOf(SipURI uri) {
    String transport = uri.getTransportParam();
    if (transport == null) {
      return uri.isSecure() ? "TLS" : "UDP";
    }
    String upper = transport.toUpperCase(Locale.ROOT);
    return providers.containsKey(upper) ? upper : "UDP";
  }

  String transportOf(SipProvider provider) {
    return providers.entrySet().stream()
        .filter(e -> e.getValue() == provider)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("UDP");
  }

  SipProvider provider(String transport) {
    SipProvider provider = providers.get(transport);
    return provider != null ? provider : providers.get("UDP");
  }

  ViaHeader via(String transport) throws Exception {
    return headers.createViaHeader(
        host,
        provider(transport).getListeningPoint().getPort(),
        transport.toLowerCase(Locale.ROOT),
        "z9hG4bK" + random());
  }

  RecordRouteHeader recordRoute(String transport) throws Exception {
    SipURI uri = addresses.createSipURI(null, host);
    uri.setPort(provider(transport).getListeningPoint().getPort());
    if (!"UDP".equals(transport)) {
      uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
    }
    uri.setLrParam();
    return headers.createRecordRouteHeader(addresses.createAddress(uri));
  }

  /**
   * The INVITE for one branch: a copy of the caller's ({@code copy}) towards {@code target}, with
   * the phone's credentials and identity headers removed, the admitted caller ID, Record-Route and
   * a Via of this proxy.
   */
  Request branchInvite(ForkTarget target, Object copy, Header credentials, SipProvider inbound)
      throws Exception {
    Request out = (Request) copy;
    SipURI uri = (SipURI) addresses().createURI(target.uri());
    out.setRequestURI(uri);
    MaxForwardsHeader hops = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
    if (hops == null) {
      out.addHeader(headers().createMaxForwardsHeader(69));
    } else {
      hops.decrementMaxForwards();
    }
    out.removeHeader("Proxy-Authorization");
    out.removeHeader("Authorization");
    out.removeHeader("P-Asserted-Identity");
    out.removeHeader("P-Preferred-Identity");
    out.removeHeader("Remote-Party-ID"); // the pre-standard identity header some carriers read
    out.removeHeader(RouteHeader.NAME);
    if (target.flow().isPresent() && !overFlow(out, target.flow().get())) {
      throw new java.io.IOException("the connection of " + target.uri() + " is gone");
    }
    if (target.callerId().isPresent()) {
      FromHeader from = (FromHeader) out.getHeader(FromHeader.NAME);
      SipURI presented = addresses().createSipURI(target.callerId().get(), host());
      from.setAddress(addresses().createAddress(presented));
      out.setHeader(headers().createHeader("P-Asserted-Identity", "<" + presented + ">"));
      // a carrier trusts Diversion as it trusts the caller ID: only Dialtone's goes out
      out.removeHeader("Diversion");
    }
    if (target.diversion().isPresent()) {
      out.addHeader(
          headers().createHeader("Diversion", target.diversion().get().headerValue(host)));
    }
    if (credentials != null) {
      out.addHeader(credentials);
    }
    String in = transportOf(inbound);
    String outTransport = nextHopTransport(out);
    out.addFirst(recordRoute(in));
    if (!in.equals(outTransport)) {
      out.addFirst(recordRoute(outTransport));
    }
    out.addFirst(via(outTransport));
    return out;
  }

  /**
   * Sends {@code request} down the connection {@code flow} (the URI of a phone's far end, e.g.
   * {@code sip:192.0.2.7:49152;transport=tcp}) with a Route to it on top: the library then reuses
   * the open connection to that address and never opens one. False when that connection is gone
   * (RFC 5626 §5.3: the request cannot reach the phone; its sender gets 430).
   */
  boolean overFlow(Request request, String flow) throws Exception {
    SipURI far = (SipURI) addresses.createURI(flow);
    if (!flows.test(far.getHost(), far.getPort())) {
      return false;
    }
    far.setLrParam();
    request.addFirst(headers.createRouteHeader(addresses.createAddress(far)));
    return true;
  }

  /** Whether {@code request} has no Route left: its next hop is its Request-URI's target. */
  static boolean lastHop(Request request) {
    return request.getHeader(RouteHeader.NAME) == null;
  }

  /**
   * A BYE of the maximum duration to {@code target}, outside any route set; down {@code flow} when
   * not null (a phone registered over TCP or TLS), not sent when that connection is gone.
   */
  void bye(URI target, String flow, CallIdHeader callId, FromHeader from, ToHeader to, long cseq)
      throws Exception {
    if (target == null) {
      return;
    }
    String transport =
        flow != null
            ? transportOf((SipURI) addresses.createURI(flow))
            : target instanceof SipURI sip ? transportOf(sip) : "UDP";
    Request bye =
        messages()
            .createRequest(
                target,
                Request.BYE,
                callId,
                headers().createCSeqHeader(cseq, Request.BYE),
                from,
                to,
                new ArrayList<>(List.of(via(transport))),
                headers().createMaxForwardsHeader(70));
    bye.addHeader(headers().createHeader("Reason", "SIP;cause=200;text=\"Maximum duration\""));
    if (flow != null && !overFlow(bye, flow)) {
      return;
    }
    ClientTransaction client = provider(nextHopTransport(bye)).getNewClientTransaction(bye);
    client.sendRequest();
  }
}
