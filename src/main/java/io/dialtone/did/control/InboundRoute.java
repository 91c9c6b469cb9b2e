package io.dialtone.did.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a call to one of Dialtone's numbers goes, as call control reads it: the customer account
 * holding the DID, the active extension it rings (empty: none, or the routed extension is disabled)
 * and the service continuity destination (empty: none) — an extension number of that account or a
 * number, as the customer typed it and the call policy allowed it when it was set — and how long
 * the extension's phones ring before it (empty: the extension's own ring timeout, else the
 * default). A DID that rings a ring group has no extension and its {@link RingGroupRoute} instead.
 */
public record InboundRoute(
    E164Number number,
    AccountId account,
    Optional<ExtensionNumber> extension,
    Optional<String> continuityDestination,
    Optional<Duration> ringTimeout,
    Optional<RingGroupRoute> ringGroup) {

  public InboundRoute {
    Objects.requireNonNull(ringGroup, "ringGroup");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(continuityDestination, "continuityDestination");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
  }

  /** A route to an extension (or nowhere), with the DID's own ring timeout or none. */
  public InboundRoute(
      E164Number number,
      AccountId account,
      Optional<ExtensionNumber> extension,
      Optional<String> continuityDestination,
      Optional<Duration> ringTimeout) {
    this(number, account, extension, continuityDestination, ringTimeout, Optional.empty());
  }

  /** A route without a ring timeout of the DID's own. */
  public InboundRoute(
      E164Number number,
      AccountId account,
      Optional<ExtensionNumber> extension,
      Optional<String> continuityDestination) {
    this(number, account, extension, continuityDestination, Optional.empty());
  }
}
