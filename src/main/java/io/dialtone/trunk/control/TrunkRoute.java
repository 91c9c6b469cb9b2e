package io.dialtone.trunk.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier trunk as call control sees it: where to send an outbound call, in which order, with
 * which credentials. Credentials are decrypted, in memory only; {@link #toString()} hides them
 * (through {@link TrunkLogin#toString()}).
 *
 * @param id the trunk's key
 * @param name short unique name ({@code [A-Za-z0-9._-]{1,32}}), as in the CDR's trunk attempts
 * @param host host name or IP address of the carrier's SIP server
 * @param port its SIP port
 * @param transport {@code "UDP"}, {@code "TCP"} or {@code "TLS"}
 * @param priority lower is tried first
 * @param weight within one priority, the trunk's share of calls
 * @param login the digest credentials to answer the trunk's challenges with, if any
 * @param maxChannels simultaneous calls the trunk takes; 0 for unlimited
 * @param setupTimeout without a provisional or final answer within it, the next trunk is tried
 */
public record TrunkRoute(
    long id,
    String name,
    String host,
    int port,
    String transport,
    int priority,
    int weight,
    Optional<TrunkLogin> login,
    int maxChannels,
    Duration setupTimeout) {

  public TrunkRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(setupTimeout, "setupTimeout");
  }

  /** Whether the trunk takes any number of simultaneous calls. */
  public boolean unlimitedChannels() {
    return maxChannels == 0;
  }
}
