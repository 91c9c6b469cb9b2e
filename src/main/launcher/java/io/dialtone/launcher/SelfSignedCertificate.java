package io.dialtone.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates, once, a self-signed certificate for {@code localhost} in a PKCS12 keystore in the
 * Dialtone home, with the JDK's own {@code keytool}, and reuses it on every later start.
 */
final class SelfSignedCertificate {

  static final String ALIAS = "dialtone";

  private SelfSignedCertificate() {}

  static Path ensure(DialtoneHome home, String password) {
    Path keystore = home.file("tls", "localhost.p12");
    if (Files.exists(keystore)) {
      return keystore;
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-noprompt",
            "-alias",
            ALIAS,
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-sigalg",
            "SHA256withECDSA",
            "-dname",
            "CN=localhost, O=Dialtone (local)",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
            "-validity",
            "825",
            "-storetype",
            "PKCS12",
            "-keystore",
            keystore.toString(),
            "-storepass:env",
            "DIALTONE_KEYSTORE_PASSWORD");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("DIALTONE_KEYSTORE_PASSWORD", password);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool could not create " + keystore);
      }
    } catch (IOException e) {
      throw new IllegalStateException("keytool could not be started: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the certificate", e);
    }
    System.out.println("Created a self-signed certificate for localhost in " + keystore);
    return keystore;
  }
}
