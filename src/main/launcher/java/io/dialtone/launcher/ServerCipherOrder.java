package io.dialtone.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the jar of {@link ServerCipherOrderAgent} (its classes only: the agent runs in Payara
 * Micro's JVM, which has none of the launcher) for Payara Micro's {@code -javaagent:} option.
 */
final class ServerCipherOrder {

  private static final List<Class<?>> CLASSES =
      List.of(
          ServerCipherOrderAgent.class,
          ServerCipherOrderAgent.OrderedTlsProvider.class,
          ServerCipherOrderAgent.OrderedTlsProvider.OrderedContextService.class,
          ServerOrderSslContext.class,
          ServerOrderSslEngine.class,
          // Not part of the agent: the JSON log format must be on the system class path too.
          JsonLogFormatter.class);

  private ServerCipherOrder() {}

  /** Writes the agent jar (its classes and a manifest naming the premain class) into the home. */
  static Path jar(DialtoneHome home) {
    Path jar = home.file("payara", "server-cipher-order-agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", ServerCipherOrderAgent.class.getName());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Class<?> type : CLASSES) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = ServerCipherOrder.class.getClassLoader().getResourceAsStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The TLS cipher order agent could not be written", e);
    }
    return jar;
  }
}
