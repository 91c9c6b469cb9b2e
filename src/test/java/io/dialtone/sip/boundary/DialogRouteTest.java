package io.dialtone.sip.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.control.SipRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sip.SipFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a request of an answered call goes next: down the flow of the phone it goes to when it is
 * the last hop, 430's case when that flow is gone, and its own route otherwise. The library's real
 * message factories; the proxy here has no port of its own, so no Route is its to pop.
 */
class DialogRouteTest {

  private static final String PHONE_FLOW = "sip:203.0.113.9:49152;transport=tcp";

  private final Set<String> open = new HashSet<>();
  private MessageFactory messages;
  private ProxyWire wire;

  @BeforeEach
  void wire() throws Exception {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    messages = factory.createMessageFactory();
    wire =
        new ProxyWire(
            Map.of(),
            "198.51.100.1",
            messages,
            factory.createHeaderFactory(),
            factory.createAddressFactory(),
            (host, port) -> open.contains(host + ":" + port));
  }

  private Request bye(String... routes) throws Exception {
    StringBuilder text =
        new StringBuilder(
            "BYE sip:821@192.0.2.1:5999;transport=tcp SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.42.9:5060;branch=z9hG4bKcarrier1\r\n");
    for (String route : routes) {
      text.append("Route: <").append(route).append(">\r\n");
    }
    text.append(
        "Max-Forwards: 70\r\n"
            + "From: <sip:+15145550177@127.0.42.9>;tag=caller\r\n"
            + "To: <sip:+16135570001@198.51.100.1>;tag=phone\r\n"
            + "Call-ID: nat-1\r\n"
            + "CSeq: 2 BYE\r\n"
            + "Content-Length: 0\r\n\r\n");
    return messages.createRequest(text.toString());
  }

  @Test
  void aPhonesFlowIsItsFarEndOverTcpOrTlsAndNoneOverUdp() {
    assertThat(DialogRoute.flowOf(new SipRequest.Peer("203.0.113.9", 49152, "TCP")))
        .isEqualTo("sip:203.0.113.9:49152;transport=tcp");
    assertThat(DialogRoute.flowOf(new SipRequest.Peer("2001:db8::9", 5061, "TLS")))
        .isEqualTo("sip:[2001:db8::9]:5061;transport=tls");
    assertThat(DialogRoute.flowOf(new SipRequest.Peer("203.0.113.9", 5060, "UDP"))).isNull();
  }

  @Test
  void towardsAnAnsweringPhoneWithAFlowTheRequestGoesDownItNotToItsContact() throws Exception {
    open.add("203.0.113.9:49152");
    DialogRoute route = new DialogRoute(wire, null);
    route.answeredOver(Optional.of(PHONE_FLOW));

    Request out = route.next(bye(), true).orElseThrow();

    RouteHeader top = (RouteHeader) out.getHeader(RouteHeader.NAME);
    assertThat(top.getAddress().getURI().toString())
        .isEqualTo("sip:203.0.113.9:49152;transport=tcp;lr");
    assertThat(wire.nextHopTransport(out)).isEqualTo("UDP"); // no TCP provider in this wire
    assertThat(out.getRequestURI().toString()).isEqualTo("sip:821@192.0.2.1:5999;transport=tcp");
    assertThat(((MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME)).getMaxForwards())
        .isEqualTo(69);
  }

  @Test
  void whenThePhonesConnectionIsGoneThereIsNoWayToIt() throws Exception {
    DialogRoute route = new DialogRoute(wire, null);
    route.answeredOver(Optional.of(PHONE_FLOW));

    assertThat(route.next(bye(), true)).isEmpty();
  }

  @Test
  void theCallersFlowTakesTheCalleesRequestsBack() throws Exception {
    open.add("203.0.113.7:40000");
    DialogRoute route = new DialogRoute(wire, "sip:203.0.113.7:40000;transport=tls");
    route.answeredOver(Optional.empty());

    Request back = route.next(bye(), false).orElseThrow();
    assertThat(((RouteHeader) back.getHeader(RouteHeader.NAME)).getAddress().getURI().toString())
        .isEqualTo("sip:203.0.113.7:40000;transport=tls;lr");
    // the callee answered at its Contact: towards it nothing is added
    Request on = route.next(bye(), true).orElseThrow();
    assertThat(on.getHeader(RouteHeader.NAME)).isNull();
  }

  @Test
  void aRouteOfAnotherProxyLeftOnTopWinsOverTheFlow() throws Exception {
    open.add("203.0.113.9:49152");
    DialogRoute route = new DialogRoute(wire, null);
    route.answeredOver(Optional.of(PHONE_FLOW));

    Request out = route.next(bye("sip:edge.example.net;lr"), true).orElseThrow();

    assertThat(((RouteHeader) out.getHeader(RouteHeader.NAME)).getAddress().getURI().toString())
        .isEqualTo("sip:edge.example.net;lr");
    assertThat(out.getHeaders(RouteHeader.NAME)).toIterable().hasSize(1);
  }
}
