package io.dialtone.sip.boundary;

import io.dialtone.sip.control.ConnectionLimits;
import java.util.Optional;

/**
 * Where the transport listens: UDP and TCP on {@code port}, TLS on {@code tlsPort} (0: none) with
 * the PKCS12 {@code keystore}; {@code limits} bound the TCP and TLS connections.
 */
public record SipListenConfig(
    String address,
    int port,
    int tlsPort,
    Optional<String> keystore,
    String keystorePassword,
    ConnectionLimits limits) {

  @Override
  public String toString() {
    return "SipListenConfig[" + address + " udp/tcp " + port + " tls " + tlsPort + "]";
  }
}
