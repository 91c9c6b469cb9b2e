package io.dialtone.incontainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test-JVM side, never deployed: which components a component's code refers to, read from the
 * sources (the architecture test holds each {@code package-info} to the same graph), and so which
 * components an in-container test of it must deploy.
 */
final class ComponentGraph {

  private static final Path MAIN = Path.of("src/main/java/io/dialtone");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.dialtone\\.(\\w+)\\.");

  private static final Pattern IMPLEMENTS =
      Pattern.compile("\\bimplements\\s+([\\w\\s,.<>]+?)\\s*\\{");

  private ComponentGraph() {}

  /** {@code components}, what they call (transitively), and the providers of what they declare. */
  static Set<String> closureOf(String... components) {
    Set<String> closure = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(java.util.List.of(components));
    pending.add("kernel");
    pending.add("platform");
    while (!pending.isEmpty()) {
      String component = pending.pop();
      if (closure.add(component)) {
        pending.addAll(referencedBy(sourcesOf(MAIN.resolve(component)), component));
        pending.addAll(providersOf(component));
      }
    }
    return closure;
  }

  /**
   * The components implementing an interface that {@code component} declares and cannot run without
   * (the kernel's account tree, the SIP side's credential source, the extensions' routed numbers,
   * the notices' recipients). The call policy's usage gate is not among them: a WAR without {@code
   * usage} gets the {@link UsageGateStandIn} fixture, and its rate lookup has a default of its own.
   */
  static Set<String> providersOf(String component) {
    return switch (component) {
      case "kernel" -> Set.of("account");
      case "sip" -> Set.of("extension");
      case "extension" -> Set.of("did");
      case "notification" -> Set.of("identity");
      default -> Set.of();
    };
  }

  /** The components (other than {@code self}) that {@code sources} refer to. */
  static Set<String> referencedBy(Stream<Path> sources, String self) {
    Set<String> referenced = new TreeSet<>();
    try (sources) {
      sources.forEach(
          source -> {
            Matcher m = REFERENCE.matcher(read(source));
            while (m.find()) {
              if (!m.group(1).equals(self) && Files.isDirectory(MAIN.resolve(m.group(1)))) {
                referenced.add(m.group(1));
              }
            }
          });
    }
    return referenced;
  }

  static Stream<Path> sourcesOf(Path dir) {
    try {
      return Files.walk(dir).filter(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
