package io.dialtone.extension.control;

import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.platform.control.WordList;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a voicemail PIN may be set (by its user, or by an admin's reset).
 *
 * <p>Rules (PRODUCT.md 3): {@value #MIN_LENGTH} to {@value #MAX_LENGTH} digits; not one digit
 * repeated; not a run of consecutive digits up or down, counting 9→0 and 0→9 as consecutive (890123
 * and 210987 are as easy to guess as 123456); not the extension number nor its reverse, alone or
 * repeated to the PIN's length (201201); not holding the last {@value #DID_DIGITS} digits of one of
 * the extension's DIDs (so neither the DID's last digits of the PIN's length nor longer tails); not
 * one of the last {@value #HISTORY} PINs (checked against their hashes); not on the bundled
 * common-PIN list ({@code common-pins.txt}, its header names its sources).
 */
@ApplicationScoped
public class PinPolicy {

  public static final int MIN_LENGTH = 6;
  public static final int MAX_LENGTH = 10;
  public static final int HISTORY = 4;
  public static final int DID_DIGITS = 6;

  private static final String LIST = "common-pins.txt";

  /**
   * Every rule {@code pin} breaks; empty when it may be set.
   *
   * @param extension the extension whose PIN it is
   * @param dids the extension's DIDs, in any written form ({@code +16135550123}); none is fine
   * @param recentHashes the stored hashes of its previous PINs, newest first (only the first
   *     {@value #HISTORY} count)
   * @param hashes tells whether a PIN matches one of those hashes
   */
  public List<PinViolation> check(
      String pin,
      ExtensionNumber extension,
      List<String> dids,
      List<String> recentHashes,
      PinHashes hashes) {
    String candidate = pin == null ? "" : pin;
    List<PinViolation> violations = new ArrayList<>();
    if (candidate.length() < MIN_LENGTH) {
      violations.add(PinViolation.TOO_SHORT);
    }
    if (candidate.length() > MAX_LENGTH) {
      violations.add(PinViolation.TOO_LONG);
    }
    if (candidate.isEmpty() || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
      violations.add(PinViolation.NOT_DIGITS);
      return List.copyOf(violations);
    }
    if (candidate.chars().distinct().count() == 1) {
      violations.add(PinViolation.ALL_SAME_DIGIT);
    } else if (isRun(candidate, 1) || isRun(candidate, 9)) {
      violations.add(PinViolation.SEQUENCE);
    }
    if (extension != null && isRepeated(candidate, extension.digits())) {
      violations.add(PinViolation.EXTENSION);
    }
    if (extension != null
        && isRepeated(candidate, new StringBuilder(extension.digits()).reverse().toString())) {
      violations.add(PinViolation.EXTENSION_REVERSED);
    }
    if (dids.stream()
        .map(PinPolicy::lastDigits)
        .anyMatch(tail -> !tail.isEmpty() && candidate.contains(tail))) {
      violations.add(PinViolation.DID_DIGITS);
    }
    if (recentHashes.stream().limit(HISTORY).anyMatch(hash -> hashes.matches(candidate, hash))) {
      violations.add(PinViolation.RECENTLY_USED);
    }
    if (CommonList.PINS.contains(candidate)) {
      violations.add(PinViolation.TOO_COMMON);
    }
    return List.copyOf(violations);
  }

  /** The bundled list; for tests. */
  static Set<String> commonPins() {
    return CommonList.PINS;
  }

  /** Whether each digit is the previous plus {@code step}, modulo 10 (1: up, 9: down). */
  private static boolean isRun(String digits, int step) {
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) - '0' != (digits.charAt(i - 1) - '0' + step) % 10) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code pin} is {@code block} written again and again (the last time cut short). */
  private static boolean isRepeated(String pin, String block) {
    for (int i = 0; i < pin.length(); i++) {
      if (pin.charAt(i) != block.charAt(i % block.length())) {
        return false;
      }
    }
    return true;
  }

  private static String lastDigits(String did) {
    String digits = did.replaceAll("[^0-9]", "");
    return digits.substring(Math.max(0, digits.length() - DID_DIGITS));
  }

  /** Loads the list once, on first use; a missing list fails closed. */
  private static final class CommonList {

    static final Set<String> PINS = WordList.load(PinPolicy.class, LIST);
  }
}
