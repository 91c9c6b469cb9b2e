package io.dialtone.callpolicy.control;

import io.dialtone.kernel.entity.ExtensionNumber;

/**
 * Which dialled digit strings are the account's own extensions: from {@code minDigits} to {@code
 * maxDigits} digits. Until the extension component stores each account's range, callers pass it.
 */
public record ExtensionRange(int minDigits, int maxDigits) {

  /** Two to six digits: the usual PBX plan, clear of 7-digit local and 10-digit NANP dialling. */
  public static final ExtensionRange DEFAULT = new ExtensionRange(2, 6);

  public ExtensionRange {
    if (minDigits < ExtensionNumber.MIN_DIGITS
        || maxDigits > ExtensionNumber.MAX_DIGITS
        || minDigits > maxDigits) {
      throw new IllegalArgumentException("invalid extension range");
    }
  }

  /** Whether {@code digits} (digits only) is within the range. */
  public boolean contains(String digits) {
    return digits.length() >= minDigits && digits.length() <= maxDigits;
  }
}
