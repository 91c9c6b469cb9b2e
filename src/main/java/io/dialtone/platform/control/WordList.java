package io.dialtone.platform.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A word list bundled with the application (common passwords, common PINs): a UTF-8 text resource,
 * one word a line, spaces around a word dropped, blank lines and lines starting with {@code #} (its
 * provenance) skipped. A missing list is an error, never an empty list: a policy that loads one
 * must fail closed rather than accept every word.
 */
public final class WordList {

  private WordList() {}

  /** The words of resource {@code name}, found next to {@code anchor} (in its package). */
  public static Set<String> load(Class<?> anchor, String name) {
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name + " next to " + anchor.getName());
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #load}, each word in lower case (for lists compared ignoring case). */
  public static Set<String> loadLowerCase(Class<?> anchor, String name) {
    return load(anchor, name).stream()
        .map(word -> word.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
