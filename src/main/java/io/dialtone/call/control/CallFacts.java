package io.dialtone.call.control;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.Direction;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a call when it is admitted, for its CDR.
 *
 * @param extension the calling extension (an inbound call: the extension the DID rings, or {@code
 *     null} when it rings none)
 * @param caller the party shown as caller: the caller ID presented, else the extension
 * @param callee the E.164 number or the extension called, or the digits dialled
 * @param country ISO 3166 region of the callee, or {@code null}
 */
public record CallFacts(
    AccountId account,
    ExtensionNumber extension,
    Direction direction,
    String caller,
    String callee,
    DestinationClass destination,
    String country,
    String callId,
    Instant start) {

  public CallFacts {
    Objects.requireNonNull(account);
    if (direction != Direction.INBOUND) {
      Objects.requireNonNull(extension);
    }
    Objects.requireNonNull(direction);
    Objects.requireNonNull(caller);
    Objects.requireNonNull(callee);
    Objects.requireNonNull(destination);
    Objects.requireNonNull(callId);
    Objects.requireNonNull(start);
  }
}
