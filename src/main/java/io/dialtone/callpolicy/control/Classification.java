package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.E164Number;
import java.util.Objects;

/**
 * What a dialled string is, seen from one account.
 *
 * @param destination the class
 * @param digits what to route: the extension or emergency digits, or the E.164 digits; empty when
 *     invalid
 * @param number the E.164 number, or {@code null} for emergency, internal and invalid destinations
 * @param country the destination's ISO 3166 region code, or {@code null} when there is none
 * @param foreign whether that country is outside the account's domestic zone
 */
public record Classification(
    DestinationClass destination,
    String digits,
    E164Number number,
    String country,
    boolean foreign) {

  public Classification {
    Objects.requireNonNull(destination);
    Objects.requireNonNull(digits);
    if ((destination == DestinationClass.INTERNATIONAL) != foreign
        && destination != DestinationClass.PREMIUM) {
      throw new IllegalArgumentException("only international or premium destinations are foreign");
    }
  }

  /** An invalid dialled string. */
  public static Classification invalid() {
    return new Classification(DestinationClass.INVALID, "", null, null, false);
  }

  /** Whether there is a number to match rules against. */
  public boolean hasNumber() {
    return number != null;
  }
}
