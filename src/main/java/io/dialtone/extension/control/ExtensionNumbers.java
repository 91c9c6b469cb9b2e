package io.dialtone.extension.control;

import io.dialtone.callpolicy.control.ExtensionRange;
import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.Optional;
import java.util.Set;

/**
 * Which numbers an extension may have. Range: {@link ExtensionRange#DEFAULT} (2 to 6 digits) for
 * every account, the range the call policy treats as internal dialling. Never an emergency number
 * (911, 112, 999, 933 test, and the French 15, 17, 18), nor a number that starts with 911, 112, 999
 * or 933: a phone that collects digits would send 911 before the caller finished typing 9110. Pure.
 */
public final class ExtensionNumbers {

  public static final ExtensionRange RANGE = ExtensionRange.DEFAULT;

  private static final Set<String> EMERGENCY = Set.of("911", "112", "999", "933", "15", "17", "18");
  private static final Set<String> EMERGENCY_PREFIXES = Set.of("911", "112", "999", "933");

  private ExtensionNumbers() {}

  /** Why {@code text} cannot be an extension number, or empty when it can. */
  public static Optional<Reason> refusal(String text) {
    String digits = text == null ? "" : text.strip();
    if (!ExtensionNumber.isValid(digits)) {
      return Optional.of(Reason.NUMBER_INVALID);
    }
    if (!RANGE.contains(digits)) {
      return Optional.of(Reason.NUMBER_OUT_OF_RANGE);
    }
    if (EMERGENCY.contains(digits) || EMERGENCY_PREFIXES.stream().anyMatch(digits::startsWith)) {
      return Optional.of(Reason.EMERGENCY_NUMBER);
    }
    return Optional.empty();
  }
}
