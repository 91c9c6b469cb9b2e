package io.dialtone.trunk.entity;

/** How Dialtone reaches a trunk's SIP server. */
public enum TrunkTransport {
  UDP(5060),
  TCP(5060),
  TLS(5061);

  private final int defaultPort;

  TrunkTransport(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The port a SIP server listens on for this transport unless told otherwise. */
  public int defaultPort() {
    return defaultPort;
  }
}
