package io.dialtone.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local data folder (default {@code ~/.dialtone}): embedded database files, the generated TLS
 * keystore, and generated secrets. Secrets are created once with a CSPRNG, readable by the owner
 * only, and reused on every later start, so a restart keeps data and credentials.
 */
public final class DialtoneHome {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path root;

  public DialtoneHome(Path root) {
    this.root = root;
  }

  Path dir(String name) {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  Path file(String dir, String name) {
    return dir(dir).resolve(name);
  }

  /**
   * The secret stored under {@code secrets/name}, created with {@code bytes} random bytes if
   * absent.
   */
  String secret(String name, int bytes) {
    Path file = file("secrets", name);
    try {
      if (Files.notExists(file)) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        writePrivate(file, Base64.getEncoder().encodeToString(value));
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
