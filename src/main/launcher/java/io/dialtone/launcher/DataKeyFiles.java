package io.dialtone.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a Dialtone's data keys live, as the run command passes them to the application: the key
 * {@code k1} in {@code DIALTONE_DATA_KEY}, the file of {@code DIALTONE_DATA_KEY_FILE} or the home's
 * {@code secrets/data-key}; further keys as {@code <id>.key} files in {@code
 * DIALTONE_DATA_KEYS_DIR} or the home's {@code secrets/keys}. Keys are handled as their Base64
 * text, never logged.
 */
record DataKeyFiles(Optional<String> inline, Path firstKey, Path folder) {

  static final String FIRST_KEY_ID = "k1";
  private static final String SUFFIX = ".key";

  static DataKeyFiles of(Map<String, String> env) {
    DialtoneHome home = new DialtoneHome(LauncherSettings.fromEnvironment(env).home());
    return new DataKeyFiles(
        Optional.ofNullable(env.get("DIALTONE_DATA_KEY")).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get("DIALTONE_DATA_KEY_FILE"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElse(home.file("secrets", "data-key")),
        Path.of(env.getOrDefault("DIALTONE_DATA_KEYS_DIR", home.dir("secrets/keys").toString())));
  }

  /** Every key by id (Base64 text). */
  Map<String, String> read() throws IOException {
    Map<String, String> keys = new TreeMap<>();
    if (inline.isPresent()) {
      keys.put(FIRST_KEY_ID, inline.get().strip());
    } else if (Files.exists(firstKey)) {
      keys.put(FIRST_KEY_ID, Files.readString(firstKey, StandardCharsets.US_ASCII).strip());
    }
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
          String name = file.getFileName().toString();
          keys.put(
              name.substring(0, name.length() - SUFFIX.length()),
              Files.readString(file, StandardCharsets.US_ASCII).strip());
        }
      }
    }
    return keys;
  }

  /** Whether any key file already exists here (a restore writes none over another key). */
  boolean anyPresent() throws IOException {
    return inline.isPresent() || !read().isEmpty();
  }

  /** Writes {@code keys} as owner-only files: {@code k1} as the first key, others in the folder. */
  void write(Map<String, String> keys) throws IOException {
    Files.createDirectories(folder);
    for (var key : keys.entrySet()) {
      Path file =
          key.getKey().equals(FIRST_KEY_ID) && inline.isEmpty()
              ? firstKey
              : folder.resolve(key.getKey() + SUFFIX);
      Files.createDirectories(file.getParent());
      DialtoneHome.writePrivate(file, key.getValue());
    }
  }
}
