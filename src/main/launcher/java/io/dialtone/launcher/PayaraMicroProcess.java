package io.dialtone.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Micro running the Dialtone WAR in a child JVM. Its console is echoed to ours and kept in
 * memory (bounded) so callers can wait for a line, such as the readiness line or the setup link.
 */
final class PayaraMicroProcess implements AutoCloseable {

  private static final Pattern READY =
      Pattern.compile("Payara Micro .* ready in |Failed to start, exiting");

  /** Payara Micro's count of the archives it deployed, printed before the readiness line. */
  private static final Pattern DEPLOYED = Pattern.compile("Deployed (\\d+) archive\\(s\\)");

  private static final int MAX_LINES = 50_000;

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final boolean echo;
  private final Path logFile;

  private PayaraMicroProcess(Process process, boolean echo, Path logFile) {
    this.process = process;
    this.echo = echo;
    this.logFile = logFile;
    Thread pump = new Thread(this::pump, "payara-console");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts the command; its console goes to {@code logFile} (and to ours if {@code echo}). */
  static PayaraMicroProcess start(
      List<String> command, Map<String, String> env, boolean echo, Path logFile) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      return new PayaraMicroProcess(builder.start(), echo, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Payara Micro could not be started", e);
    }
  }

  static List<String> command(
      Path microJar,
      Path war,
      Path systemProperties,
      Path preBoot,
      Path cipherOrderAgent,
      Optional<Path> logProperties,
      int httpPort,
      int httpsPort) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(java.toString(), "-Xmx1g", "-javaagent:" + cipherOrderAgent.toAbsolutePath()));
    command.addAll(extraJvmOptions());
    command.addAll(
        List.of(
            "-Duser.timezone=UTC",
            "-Djava.security.egd=file:/dev/urandom",
            // Payara stops its data grid after the application; the grid's own hook stopped it
            // first, and call records being stored at a SIGTERM failed with it
            "-Dhazelcast.shutdownhook.enabled=false",
            "-jar",
            microJar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--nocluster",
            "--port",
            Integer.toString(httpPort),
            "--sslport",
            Integer.toString(httpsPort),
            "--sslcert",
            SelfSignedCertificate.ALIAS,
            "--systemproperties",
            systemProperties.toString(),
            "--prebootcommandfile",
            preBoot.toString()));
    logProperties.ifPresent(file -> command.addAll(List.of("--logproperties", file.toString())));
    return List.copyOf(command);
  }

  /**
   * JVM options of {@code dialtone.payara.jvm-options} (space-separated; none by default). The test
   * suite sets options that make short-lived servers boot with less CPU (see the pom's failsafe
   * configuration); the run command and the benchmarks set none.
   */
  private static List<String> extraJvmOptions() {
    String options = System.getProperty("dialtone.payara.jvm-options", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** Waits until Payara Micro reports it is ready, or fails if it exits or takes too long. */
  void awaitReady(Duration timeout) {
    Matcher line =
        awaitLine(READY, timeout)
            .orElseThrow(
                () -> new IllegalStateException("Payara Micro was not ready within " + timeout));
    if (line.group().startsWith("Failed")) {
      close();
      throw new IllegalStateException(
          "Payara Micro failed to start (a port in use?): see " + logFile);
    }
    // A WAR that fails to deploy (a bean that cannot be created, a failed migration) still leaves
    // Payara Micro "ready", serving nothing: that is no Dialtone.
    boolean deployed =
        awaitLine(DEPLOYED, Duration.ZERO).map(m -> Integer.parseInt(m.group(1)) > 0).orElse(false);
    if (!deployed) {
      close();
      throw new IllegalStateException("Payara Micro did not deploy Dialtone: see " + logFile);
    }
  }

  /** The first match of {@code pattern} among the console lines seen so far, waiting if needed. */
  Optional<Matcher> awaitLine(Pattern pattern, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (lines) {
      int seen = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find()) {
            return Optional.of(m);
          }
        }
        long wait = Duration.between(Instant.now(), deadline).toMillis();
        if (wait <= 0 || (!process.isAlive() && seen == lines.size())) {
          return Optional.empty();
        }
        try {
          lines.wait(Math.min(wait, 500));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  /** Every console line matching {@code pattern} so far, oldest first. */
  List<String> linesMatching(Pattern pattern) {
    synchronized (lines) {
      return lines.stream().filter(l -> pattern.matcher(l).find()).toList();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  private void pump() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var log =
            Files.newBufferedWriter(
                logFile,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (echo) {
          System.out.println(line);
        }
        log.write(line);
        log.newLine();
        log.flush();
        synchronized (lines) {
          if (lines.size() == MAX_LINES) {
            lines.subList(0, MAX_LINES / 2).clear();
          }
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended: nothing more to read
    }
    synchronized (lines) {
      lines.notifyAll();
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: Payara runs its shutdown hooks, the app logs SERVICE_STOP
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
