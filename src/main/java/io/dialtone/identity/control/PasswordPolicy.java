package io.dialtone.identity.control;

import io.dialtone.platform.control.WordList;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a new password may be set (at sign-up, change and reset).
 *
 * <p>Rule (SECURITY.md A1, A2): {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (Unicode
 * code points; a longer one is rejected, never truncated), at least one letter and one digit, not
 * in the bundled common-password list (case-insensitive, also when the listed word is only padded
 * with digits or symbols, as in {@code password1234}), and not containing the local part of the
 * user's e-mail address when that part has at least {@value #MIN_EMAIL_PART} characters. The
 * history rule (A3) needs the stored hashes and is checked by the caller.
 */
@ApplicationScoped
public class PasswordPolicy {

  /** Fewest characters accepted. */
  public static final int MIN_LENGTH = 12;

  /** Most characters accepted. */
  public static final int MAX_LENGTH = 128;

  /** Shortest e-mail local part that a password may not contain. */
  public static final int MIN_EMAIL_PART = 4;

  private static final String LIST = "common-passwords.txt";

  /**
   * Every rule {@code password} breaks for the user with {@code email}; empty when it may be set.
   *
   * @param email the user's address, or {@code null} when not known yet
   */
  public List<PasswordViolation> check(String password, String email) {
    String candidate = password == null ? "" : password;
    String lower = candidate.toLowerCase(Locale.ROOT);
    int length = candidate.codePointCount(0, candidate.length());
    List<PasswordViolation> violations = new ArrayList<>();
    if (length < MIN_LENGTH) {
      violations.add(PasswordViolation.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      violations.add(PasswordViolation.TOO_LONG);
    }
    if (candidate.codePoints().noneMatch(Character::isLetter)) {
      violations.add(PasswordViolation.NO_LETTER);
    }
    if (candidate.codePoints().noneMatch(Character::isDigit)) {
      violations.add(PasswordViolation.NO_DIGIT);
    }
    if (isCommon(lower)) {
      violations.add(PasswordViolation.TOO_COMMON);
    }
    String localPart = localPart(email);
    if (localPart.length() >= MIN_EMAIL_PART && lower.contains(localPart)) {
      violations.add(PasswordViolation.CONTAINS_EMAIL);
    }
    return List.copyOf(violations);
  }

  /** The bundled list, lowercased; for tests. */
  static Set<String> commonPasswords() {
    return CommonList.WORDS;
  }

  private static boolean isCommon(String lower) {
    return CommonList.WORDS.contains(lower) || CommonList.WORDS.contains(letterCore(lower));
  }

  /** {@code lower} without the non-letters at its start and end: {@code 12dragon!!} → dragon. */
  private static String letterCore(String lower) {
    int[] points = lower.codePoints().toArray();
    int start = 0;
    int end = points.length;
    while (start < end && !Character.isLetter(points[start])) {
      start++;
    }
    while (end > start && !Character.isLetter(points[end - 1])) {
      end--;
    }
    return new String(points, start, end - start);
  }

  private static String localPart(String email) {
    if (email == null) {
      return "";
    }
    int at = email.lastIndexOf('@');
    return (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
  }

  /** Loads the list once, on first use; a missing list fails closed. */
  private static final class CommonList {

    static final Set<String> WORDS = WordList.loadLowerCase(PasswordPolicy.class, LIST);
  }
}
