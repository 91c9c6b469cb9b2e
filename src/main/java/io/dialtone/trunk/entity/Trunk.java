package io.dialtone.trunk.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A carrier trunk: a SIP server of a carrier that takes Dialtone's outbound calls (and sends its
 * inbound ones). Checked by {@code control.TrunkRules} before it gets here; the entity keeps only
 * the invariants the schema also holds. The digest password is kept encrypted as given.
 */
@Entity
@Table(name = "trunk")
@NamedQuery(name = Trunk.LIST_ALL, query = "SELECT t FROM Trunk t ORDER BY t.priority, t.name")
@NamedQuery(
    name = Trunk.LIST_ENABLED,
    query = "SELECT DISTINCT t FROM Trunk t LEFT JOIN FETCH t.sources WHERE t.enabled = TRUE")
@NamedQuery(name = Trunk.FIND_BY_NAME, query = "SELECT t FROM Trunk t WHERE t.name = :name")
@NamedQuery(
    name = Trunk.UPDATE_HEALTH,
    query =
        """
        UPDATE Trunk t SET t.healthStatus = :status, t.healthCode = :code,
          t.healthLatencyMs = :latency, t.healthCheckedAt = :at WHERE t.id = :id""")
public class Trunk {

  /** Every trunk, by priority then name. */
  public static final String LIST_ALL = "Trunk.listAll";

  /** The enabled trunks with their source ranges. */
  public static final String LIST_ENABLED = "Trunk.listEnabled";

  /** The trunk named {@code :name}. */
  public static final String FIND_BY_NAME = "Trunk.findByName";

  /** A probe's result: {@code :status, :code, :latency, :at} for trunk {@code :id}. */
  public static final String UPDATE_HEALTH = "Trunk.updateHealth";

  public static final int NAME_MAX = 32;
  public static final int HOST_MAX = 253;
  public static final int USERNAME_MAX = 64;
  public static final int PASSWORD_MAX = 128;
  public static final int REALM_MAX = 128;
  public static final int SOURCE_MAX = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false, length = HOST_MAX)
  private String host;

  @Column(nullable = false)
  private int port;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 3)
  private TrunkTransport transport;

  @Column(nullable = false)
  private int priority;

  @Column(nullable = false)
  private int weight;

  @Column(name = "auth_username", length = USERNAME_MAX)
  private String authUsername;

  @Column(name = "auth_password", length = 255)
  private String authPasswordEncrypted;

  @Column(name = "auth_realm", length = REALM_MAX)
  private String authRealm;

  @Column(name = "max_channels", nullable = false)
  private int maxChannels;

  @Column(name = "setup_timeout_seconds", nullable = false)
  private int setupTimeoutSeconds;

  @Column(nullable = false)
  private boolean enabled;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "trunk_source", joinColumns = @JoinColumn(name = "trunk_id"))
  @Column(name = "address_range", nullable = false, length = SOURCE_MAX)
  private List<String> sources = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "health_status", nullable = false, length = 8)
  private TrunkStatus healthStatus = TrunkStatus.UNKNOWN;

  @Column(name = "health_code")
  private Integer healthCode;

  @Column(name = "health_latency_ms")
  private Integer healthLatencyMs;

  @Column(name = "health_checked_at")
  private Instant healthCheckedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Trunk() {}

  /** A new, enabled trunk named {@code name}, not probed yet; the rest set by {@link #define}. */
  public static Trunk named(String name, Instant now) {
    Trunk trunk = new Trunk();
    trunk.name = Objects.requireNonNull(name, "name");
    trunk.enabled = true;
    trunk.createdAt = Objects.requireNonNull(now, "now");
    trunk.updatedAt = now;
    return trunk;
  }

  /**
   * Sets where and how calls reach the trunk (everything but the name and credentials). A new
   * address makes the health unknown: the last probe asked another server.
   */
  public void define(
      String host,
      int port,
      TrunkTransport transport,
      int priority,
      int weight,
      int maxChannels,
      int setupTimeoutSeconds,
      List<String> sources,
      Instant now) {
    if (port < 1 || port > 65535 || weight < 1 || setupTimeoutSeconds < 1 || maxChannels < 0) {
      throw new IllegalArgumentException("trunk values out of range");
    }
    if (!Objects.equals(host, this.host) || port != this.port || transport != this.transport) {
      healthStatus = TrunkStatus.UNKNOWN;
      healthCode = null;
      healthLatencyMs = null;
      healthCheckedAt = null;
    }
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.priority = priority;
    this.weight = weight;
    this.maxChannels = maxChannels;
    this.setupTimeoutSeconds = setupTimeoutSeconds;
    this.sources.clear();
    this.sources.addAll(sources);
    this.updatedAt = now;
  }

  /** Renames the trunk (the CDRs of past calls keep the old name). */
  public void rename(String newName, Instant now) {
    this.name = Objects.requireNonNull(newName, "newName");
    this.updatedAt = now;
  }

  /** Sets the digest login: the password already encrypted; realm {@code null} for any. */
  public void login(String username, String encryptedPassword, String realm, Instant now) {
    this.authUsername = Objects.requireNonNull(username, "username");
    this.authPasswordEncrypted = Objects.requireNonNull(encryptedPassword, "encryptedPassword");
    this.authRealm = realm;
    this.updatedAt = now;
  }

  /** Changes the username and realm of the login, keeping its password. */
  public void relabelLogin(String username, String realm, Instant now) {
    if (authPasswordEncrypted == null) {
      throw new IllegalStateException("no login to change");
    }
    this.authUsername = Objects.requireNonNull(username, "username");
    this.authRealm = realm;
    this.updatedAt = now;
  }

  /** Removes the digest login: the trunk gets no credentials. */
  public void removeLogin(Instant now) {
    this.authUsername = null;
    this.authPasswordEncrypted = null;
    this.authRealm = null;
    this.updatedAt = now;
  }

  /** Enables or disables the trunk; a trunk enabled again is unknown until its next probe. */
  public void enable(boolean on, Instant now) {
    if (on && !enabled) {
      healthStatus = TrunkStatus.UNKNOWN;
    }
    this.enabled = on;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public TrunkTransport getTransport() {
    return transport;
  }

  public int getPriority() {
    return priority;
  }

  public int getWeight() {
    return weight;
  }

  public String getAuthUsername() {
    return authUsername;
  }

  /** The stored (encrypted) password, or {@code null} without a login. */
  public String getAuthPasswordEncrypted() {
    return authPasswordEncrypted;
  }

  public String getAuthRealm() {
    return authRealm;
  }

  public boolean hasLogin() {
    return authPasswordEncrypted != null;
  }

  public int getMaxChannels() {
    return maxChannels;
  }

  public int getSetupTimeoutSeconds() {
    return setupTimeoutSeconds;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public List<String> getSources() {
    return List.copyOf(sources);
  }

  public TrunkStatus getHealthStatus() {
    return healthStatus;
  }

  public Integer getHealthCode() {
    return healthCode;
  }

  public Integer getHealthLatencyMs() {
    return healthLatencyMs;
  }

  public Instant getHealthCheckedAt() {
    return healthCheckedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trunk other && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
