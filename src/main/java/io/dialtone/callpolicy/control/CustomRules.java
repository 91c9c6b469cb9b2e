package io.dialtone.callpolicy.control;

import java.util.regex.Pattern;

/** The written form of custom prefixes: {@code +} and 1 to 15 digits, e.g. {@code +4470}. */
final class CustomRules {

  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");

  private CustomRules() {}

  static boolean isPrefix(String text) {
    return text != null && PREFIX.matcher(text).matches();
  }

  /** The digits of a valid prefix. */
  static String prefixDigits(String prefix) {
    if (!isPrefix(prefix)) {
      throw new IllegalArgumentException("not a prefix");
    }
    return prefix.substring(1);
  }
}
