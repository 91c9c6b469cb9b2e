package io.dialtone.call.control;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.extension.control.CallingParty;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a dialled string goes before any rule is asked, from its reading in the account's country
 * ({@code CallDecisions.classify}): an emergency number is always an outside call (an extension
 * numbered 911 never takes it); a number within the account's extension range is internal: the live
 * extension with that number, if enabled; every other string is an outside call for the policy to
 * decide.
 */
public sealed interface DialledRoute {

  /** Out through the trunks, for the call policy to decide (emergency numbers included). */
  record Outside() implements DialledRoute {}

  /** To an enabled extension of the account. */
  record ToExtension(CallingParty callee) implements DialledRoute {}

  /** A disabled extension of the account: 480 (it exists; unavailable until enabled again). */
  record Unavailable(CallingParty callee) implements DialledRoute {}

  /** No extension of the account has this number: 404 (RFC 3261 §21.4.5). */
  record NoSuchExtension(String digits) implements DialledRoute {}

  /**
   * The route of {@code reading}.
   *
   * @param extensions the account's live extension by number
   */
  static DialledRoute of(
      Classification reading, Function<ExtensionNumber, Optional<CallingParty>> extensions) {
    return switch (reading.destination()) {
      case INTERNAL -> {
        Optional<CallingParty> callee = ExtensionNumber.parse(reading.digits()).flatMap(extensions);
        if (callee.isEmpty()) {
          yield new NoSuchExtension(reading.digits());
        }
        yield callee.get().active() ? new ToExtension(callee.get()) : new Unavailable(callee.get());
      }
      default -> new Outside();
    };
  }
}
