package io.dialtone.sip.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A source address the registrar ignores until {@code until}: it failed digest authentication too
 * often, sent requests too fast, or announced itself as a scanner.
 *
 * @param address the banned IP address (v4 or v6, no port)
 * @param reason why it was banned
 * @param since when the ban started
 * @param until when it lapses by itself
 */
public record Ban(String address, BanReason reason, Instant since, Instant until) {

  public Ban {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }
}
