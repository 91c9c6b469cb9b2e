package io.dialtone.sip.control;

/**
 * The seam between the SIP transport (library, sockets) and the registrar's rules: one request in,
 * one answer out. Implementations are thread-safe and never throw for bad input.
 */
public interface SipHandler {

  SipAnswer handle(SipRequest request);
}
