package io.dialtone.sip.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registrar's settings (MicroProfile Config, e.g. {@code DIALTONE_SIP_PORT} for {@code
 * dialtone.sip.port}); defaults in {@code microprofile-config.properties}, meanings in
 * docs/configuration.md and docs/sip.md. Read once at start-up.
 */
@ApplicationScoped
public class SipSettings {

  /** Longest nonce life allowed (SECURITY.md D3); larger values are clamped. */
  public static final int MAX_NONCE_SECONDS = 300;

  @Inject
  @ConfigProperty(name = "dialtone.sip.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "dialtone.sip.listen-address", defaultValue = "0.0.0.0")
  String listenAddress;

  @Inject
  @ConfigProperty(name = "dialtone.sip.port", defaultValue = "5060")
  int port;

  @Inject
  @ConfigProperty(name = "dialtone.sip.tls-port", defaultValue = "5061")
  int tlsPort;

  @Inject
  @ConfigProperty(name = "dialtone.sip.tls.keystore")
  Optional<String> keystore;

  @Inject
  @ConfigProperty(name = "dialtone.sip.tls.keystore-password")
  Optional<String> keystorePassword;

  @Inject
  @ConfigProperty(name = "javax.net.ssl.keyStore")
  Optional<String> portalKeystore;

  @Inject
  @ConfigProperty(name = "javax.net.ssl.keyStorePassword")
  Optional<String> portalKeystorePassword;

  @Inject
  @ConfigProperty(name = "dialtone.sip.min-expires", defaultValue = "60")
  int minExpires;

  @Inject
  @ConfigProperty(name = "dialtone.sip.max-expires", defaultValue = "3600")
  int maxExpires;

  @Inject
  @ConfigProperty(name = "dialtone.sip.default-expires", defaultValue = "3600")
  int defaultExpires;

  @Inject
  @ConfigProperty(name = "dialtone.sip.nonce-seconds", defaultValue = "300")
  int nonceSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.sip.nonce-secret")
  Optional<String> nonceSecret;

  @Inject
  @ConfigProperty(name = "dialtone.sip.md5-first-agents")
  Optional<String> md5FirstAgents;

  @Inject
  @ConfigProperty(name = "dialtone.sip.credentials-cache-seconds", defaultValue = "60")
  int credentialsCacheSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.sip.ban.failures", defaultValue = "10")
  int banFailures;

  @Inject
  @ConfigProperty(name = "dialtone.sip.ban.window-minutes", defaultValue = "10")
  int banWindowMinutes;

  @Inject
  @ConfigProperty(name = "dialtone.sip.ban.minutes", defaultValue = "15")
  int banMinutes;

  @Inject
  @ConfigProperty(name = "dialtone.sip.rate-limit", defaultValue = "200")
  int rateLimit;

  @Inject
  @ConfigProperty(name = "dialtone.sip.burst.failures", defaultValue = "20")
  int burstFailures;

  @Inject
  @ConfigProperty(name = "dialtone.sip.persist-millis", defaultValue = "1000")
  long persistMillis;

  @Inject
  @ConfigProperty(name = "dialtone.sip.connections.per-source", defaultValue = "100")
  int connectionsPerSource;

  @Inject
  @ConfigProperty(name = "dialtone.sip.connections.max", defaultValue = "10000")
  int connectionsMax;

  @Inject
  @ConfigProperty(name = "dialtone.sip.connections.handshake-seconds", defaultValue = "10")
  int handshakeSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.sip.connections.idle-seconds", defaultValue = "30")
  int idleSeconds;

  public boolean enabled() {
    return enabled;
  }

  public String listenAddress() {
    return listenAddress.strip();
  }

  public int port() {
    return port;
  }

  /** The TLS port; 0 when SIP over TLS is off. */
  public int tlsPort() {
    return tlsPort;
  }

  /** The keystore of SIP over TLS: its own setting, else the portal's HTTPS keystore. */
  public Optional<String> keystore() {
    return keystore.filter(s -> !s.isBlank()).or(() -> portalKeystore.filter(s -> !s.isBlank()));
  }

  public String keystorePassword() {
    return keystorePassword.or(() -> portalKeystorePassword).orElse("");
  }

  public int minExpires() {
    return minExpires;
  }

  public int maxExpires() {
    return Math.max(maxExpires, minExpires);
  }

  public int defaultExpires() {
    return Math.min(Math.max(defaultExpires, minExpires), maxExpires());
  }

  public Duration nonceLifetime() {
    return Duration.ofSeconds(Math.clamp(nonceSeconds, 1, MAX_NONCE_SECONDS));
  }

  public Optional<String> nonceSecret() {
    return nonceSecret.filter(s -> !s.isBlank());
  }

  /** User-Agent prefixes (lower case) of phones that only read the first challenge. */
  public List<String> md5FirstAgents() {
    return Arrays.stream(md5FirstAgents.orElse("").split(","))
        .map(s -> s.strip().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public Duration credentialsCacheTtl() {
    return Duration.ofSeconds(Math.max(0, credentialsCacheSeconds));
  }

  public GuardRules guardRules() {
    return new GuardRules(
        banFailures,
        Duration.ofMinutes(banWindowMinutes),
        Duration.ofMinutes(banMinutes),
        rateLimit,
        burstFailures);
  }

  public long persistMillis() {
    return Math.max(100, persistMillis);
  }

  /**
   * The bounds of TCP and TLS connections: per source address and in all, the time a TLS client has
   * to finish its handshake, how long a connection that registered nothing may stay idle, and how
   * long one that registered may (its binding's longest life and two minutes).
   */
  public ConnectionLimits connectionLimits() {
    return new ConnectionLimits(
        Math.max(1, connectionsPerSource),
        Math.max(1, connectionsMax),
        Duration.ofSeconds(Math.max(1, handshakeSeconds)),
        Duration.ofSeconds(Math.max(1, idleSeconds)),
        Duration.ofSeconds(maxExpires() + 120L));
  }
}
