package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.Trunk;
import io.dialtone.trunk.entity.TrunkStatus;
import io.dialtone.trunk.entity.TrunkTransport;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A trunk as the trunks pages show it: settings, whether a password is stored (never the password)
 * and the health the probe wrote.
 *
 * @param healthCode the last answer to OPTIONS, or {@code null} (never probed, or no answer)
 * @param latencyMs the last answer's latency, or {@code null}
 * @param checkedAt when the last probe ended, or {@code null}
 */
public record TrunkView(
    long id,
    long version,
    String name,
    String host,
    int port,
    TrunkTransport transport,
    int priority,
    int weight,
    int maxChannels,
    int setupTimeoutSeconds,
    List<String> sources,
    String username,
    String realm,
    boolean passwordSet,
    boolean enabled,
    TrunkStatus status,
    Integer healthCode,
    Integer latencyMs,
    Instant checkedAt)
    implements Serializable {

  public TrunkView {
    sources = List.copyOf(sources);
  }

  static TrunkView of(Trunk t) {
    return new TrunkView(
        t.getId(),
        t.getVersion(),
        t.getName(),
        t.getHost(),
        t.getPort(),
        t.getTransport(),
        t.getPriority(),
        t.getWeight(),
        t.getMaxChannels(),
        t.getSetupTimeoutSeconds(),
        t.getSources(),
        t.getAuthUsername(),
        t.getAuthRealm(),
        t.hasLogin(),
        t.isEnabled(),
        t.getHealthStatus(),
        t.getHealthCode(),
        t.getHealthLatencyMs(),
        t.getHealthCheckedAt());
  }

  /** {@code host:port/transport}, IPv6 hosts in brackets. */
  public String address() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return h + ":" + port + "/" + transport;
  }
}
