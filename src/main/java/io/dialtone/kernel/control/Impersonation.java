package io.dialtone.kernel.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * A support agent (or reseller admin) acting as a customer administrator (SECURITY.md F4). While it
 * lasts, the session's {@link SignedInUser} keeps the agent as the person (user id, e-mail: the
 * actor of every audit row) but takes the customer's account as its scope, with the customer
 * administrator's role minus anything touching credentials.
 *
 * @param agent the agent's own sign-in, restored when the impersonation ends
 * @param customerAccountName shown in the banner
 * @param reason the ticket reference or reason the agent gave
 * @param startedAt when it started
 * @param endsAt when it ends by itself (at most 60 minutes after the start)
 */
public record Impersonation(
    SignedInUser agent,
    String customerAccountName,
    String reason,
    Instant startedAt,
    Instant endsAt)
    implements Serializable {

  public boolean isOverAt(Instant now) {
    return !endsAt.isAfter(now);
  }
}
