package io.dialtone.sip.boundary;

import io.dialtone.sip.control.SipRequest;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;

/**
 * Where a request within an answered call goes next (RFC 3261 §16.12 with RFC 5626 §5.3): this
 * proxy's entries popped from its Route, one hop less in Max-Forwards; then, when no Route is left
 * and the phone it goes to holds a flow — the TCP or TLS connection it registered over (the callee)
 * or called over (an authenticated caller) — down that connection, whatever its Contact says: a
 * phone behind a NAT writes an address nobody can reach. A carrier never has a flow here: its
 * requests go to its Contact, as the trunk declares it reachable.
 *
 * <p>The proxy keeps every call until its BYE, so the flows live in the call, not in a token in the
 * Record-Route as RFC 5626 has a stateless edge proxy do; a request of no call here gets 481
 * anyway. Guarded by the call's lock.
 */
final class DialogRoute {

  private final ProxyWire wire;
  private final String callerFlow;
  private String calleeFlow;

  /**
   * @param callerFlow the caller's flow ({@link #flowOf}), null when it has none
   */
  DialogRoute(ProxyWire wire, String callerFlow) {
    this.wire = wire;
    this.callerFlow = callerFlow;
  }

  /**
   * The flow of a phone whose request came from {@code source}: its far end over TCP or TLS (e.g.
   * {@code sip:192.0.2.7:49152;transport=tcp}), null over UDP.
   */
  static String flowOf(SipRequest.Peer source) {
    String transport = source.transport().toLowerCase(Locale.ROOT);
    return "tcp".equals(transport) || "tls".equals(transport)
        ? "sip:" + source + ";transport=" + transport
        : null;
  }

  /** The call was answered by a branch down {@code flow} (empty: at its Contact). */
  void answeredOver(Optional<String> flow) {
    calleeFlow = flow.orElse(null);
  }

  /** The flow towards the callee ({@code toCallee}) or the caller; null when none. */
  String flowTowards(boolean toCallee) {
    return toCallee ? calleeFlow : callerFlow;
  }

  /**
   * A copy of {@code request} ready to go on towards the callee ({@code toCallee}) or the caller,
   * before this proxy's Via; empty when it must go down a flow that is gone.
   */
  Optional<Request> next(Request request, boolean toCallee) throws Exception {
    Request out = (Request) request.clone();
    wire.popOwnRoutes(out);
    MaxForwardsHeader hops = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
    if (hops != null) {
      hops.decrementMaxForwards();
    }
    String flow = flowTowards(toCallee);
    if (flow != null && ProxyWire.lastHop(out) && !wire.overFlow(out, flow)) {
      return Optional.empty();
    }
    return Optional.of(out);
  }
}
