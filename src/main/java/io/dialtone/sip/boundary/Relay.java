package io.dialtone.sip.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A request relayed within a dialog: its answers go back on the incoming transaction. */
final class Relay {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  final ServerTransaction incoming;
  final Request request;

  private final ProxyWire wire;

  Relay(ServerTransaction incoming, Request request, ProxyWire wire) {
    this.wire = wire;
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
    wire.answer(incoming, request, 408, null);
  }
}
