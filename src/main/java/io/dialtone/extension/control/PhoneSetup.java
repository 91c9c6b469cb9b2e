package io.dialtone.extension.control;

import java.io.Serializable;

/**
 * What a person types into a phone or softphone to register an extension: the server and its ports,
 * the user and the domain (the digest realm). Never the secret.
 *
 * @param server the host name phones send their REGISTER to
 * @param port the UDP and TCP port
 * @param tlsPort the TLS port, 0 when SIP over TLS is off
 * @param user the SIP user (the extension's number)
 * @param domain the account's SIP domain, also the authentication realm
 */
public record PhoneSetup(String server, int port, int tlsPort, String user, String domain)
    implements Serializable {

  /** The transport to choose: TLS when the server offers it, else UDP. */
  public String transport() {
    return tlsPort > 0 ? "TLS" : "UDP";
  }

  /** The port of {@link #transport()}. */
  public int transportPort() {
    return tlsPort > 0 ? tlsPort : port;
  }

  /**
   * The settings as one SIP URI (RFC 3261 §19.1.1), which softphones that scan a QR code read: the
   * address of record with the transport, and the server in {@code maddr} with its port, e.g.
   * {@code sip:201@c-000123.sip.example.net:5061;transport=tls;maddr=sip.example.net}.
   */
  public String sipUri() {
    return "sip:"
        + user
        + "@"
        + domain
        + ":"
        + transportPort()
        + ";transport="
        + transport().toLowerCase(java.util.Locale.ROOT)
        + ";maddr="
        + server;
  }
}
