package io.dialtone.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The server log's format, {@code DIALTONE_LOG_FORMAT}: {@code text} (default, Payara's own lines)
 * or {@code json} (one JSON object per line, {@link JsonLogFormatter}). For JSON, Payara Micro's
 * own logging configuration is copied with its console formatter replaced, so every logger level
 * stays as Payara ships it.
 */
final class LogFormat {

  private static final String PAYARA_CONFIG = "MICRO-INF/domain/logging.properties";
  private static final String CONSOLE_FORMATTER = "java.util.logging.ConsoleHandler.formatter=";

  private LogFormat() {}

  /** The logging configuration to give Payara Micro, if the format is not its default. */
  static Optional<Path> properties(Map<String, String> env, DialtoneHome home, Path microJar) {
    String format = env.getOrDefault("DIALTONE_LOG_FORMAT", "text").strip();
    if (format.equals("text")) {
      return Optional.empty();
    }
    if (!format.equals("json")) {
      throw new IllegalArgumentException("DIALTONE_LOG_FORMAT must be text or json, not " + format);
    }
    try (ZipFile jar = new ZipFile(microJar.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(PAYARA_CONFIG))) {
      StringBuilder config = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n")) {
        if (line.startsWith(CONSOLE_FORMATTER)) {
          line = CONSOLE_FORMATTER + JsonLogFormatter.class.getName();
        }
        config.append(line).append('\n');
      }
      Path file = home.file("payara", "logging-json.properties");
      Files.writeString(file, config, StandardCharsets.ISO_8859_1);
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Payara Micro's logging configuration could not be read", e);
    }
  }
}
