package io.dialtone.extension.control;

import io.dialtone.sip.control.SipSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The phone settings of an extension ({@link PhoneSetup}): the server name phones use ({@code
 * dialtone.sip.public-host}, else the host of {@code dialtone.public-url}) and the registrar's
 * ports. Checks no permission: the pages that show it hold the extension already.
 */
@ApplicationScoped
public class PhoneSetups {

  @Inject SipSettings sip;

  @Inject
  @ConfigProperty(name = "dialtone.sip.public-host")
  Optional<String> publicHost;

  @Inject
  @ConfigProperty(name = "dialtone.public-url", defaultValue = "https://localhost:8443")
  String publicUrl;

  /** The settings for SIP user {@code user} in {@code domain}. */
  public PhoneSetup of(String user, String domain) {
    return new PhoneSetup(server(), sip.port(), sip.tlsPort(), user, domain);
  }

  private String server() {
    return publicHost
        .map(String::strip)
        .filter(h -> !h.isEmpty())
        .orElseGet(() -> URI.create(publicUrl.strip()).getHost());
  }
}
