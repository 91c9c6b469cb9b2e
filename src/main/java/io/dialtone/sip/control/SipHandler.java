package io.dialtone.sip.control;

/**
 * The seam between the SIP transport (library, sockets) and the registrar's rules: one request in,
 * one answer out, and the source checks the transport makes before it reads a message or keeps a
 * connection. Implementations are thread-safe and never throw for bad input.
 */
public interface SipHandler {

  SipAnswer handle(SipRequest request);

  /**
   * A message from {@code request.source()} that the codec could not read; {@code request} holds
   * what could be read of it (method, Call-ID, User-Agent), the rest empty. Counts as a failure of
   * its source; the answer is a 400 with a fixed reason phrase, or a drop.
   */
  SipAnswer malformed(SipRequest request);

  /** Whether to read a datagram from {@code address} at all: false while it floods. */
  boolean readable(String address);

  /** Whether {@code address} may open or keep a connection: false while banned or flooding. */
  boolean mayConnect(String address);
}
