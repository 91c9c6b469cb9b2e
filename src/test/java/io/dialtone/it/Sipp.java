package io.dialtone.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's sipp ({@code apt-get install sip-tester}; {@code /usr/bin/sipp}, other path via
 * {@code -Ddialtone.test.sipp=}) with a scenario of {@code src/test/resources/sipp} for one call
 * against the shared test server, over UDP from {@code 127.0.0.1}.
 */
final class Sipp {

  record Result(int exitCode, String output) {
    boolean passed() {
      return exitCode == 0;
    }
  }

  private Sipp() {}

  static Result run(String scenario, String user, String secret, String realm)
      throws IOException, InterruptedException {
    return run(scenario, user, secret, realm, SipExtensions.sipPort());
  }

  /** As {@link #run(String, String, String, String)}, against the SIP port {@code sipPort}. */
  static Result run(String scenario, String user, String secret, String realm, int sipPort)
      throws IOException, InterruptedException {
    Path file = scenarioFile(scenario);
    Path out = Files.createTempFile("sipp-" + scenario, ".log");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            System.getProperty("dialtone.test.sipp", "/usr/bin/sipp"),
            "-sf",
            file.toString(),
            "-m",
            "1",
            "-l",
            "1",
            "-i",
            "127.0.0.1",
            "-p",
            Integer.toString(freeUdpPort()),
            "-s",
            user,
            "-au",
            user,
            "-ap",
            secret,
            "-key",
            "realm",
            realm,
            // sipp's digest uri is otherwise its remote host and port, not the Request-URI
            // (sip:[realm] in every scenario) that the registrar requires it to name
            "-auth_uri",
            realm,
            "-nostdin",
            "-recv_timeout",
            "5000",
            "-timeout",
            "40",
            "-trace_err",
            "-error_file",
            out.toString() + ".err",
            "127.0.0.1:" + sipPort));
    Process process =
        new ProcessBuilder(command)
            .directory(out.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("sipp did not finish: " + scenario);
    }
    Path errors = Path.of(out + ".err");
    String errorText = Files.exists(errors) ? Files.readString(errors) : "";
    String output = tail(Files.readString(out)) + "\n" + errorText;
    Files.deleteIfExists(out);
    Files.deleteIfExists(errors);
    return new Result(process.exitValue(), output);
  }

  /** A sipp started by {@link #start}: wait for its end with {@link #await}. */
  record Running(Process process, Path log, String scenario) {

    /** Its result once it ended (fails after {@code seconds}). */
    Result await(int seconds) throws IOException, InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "sipp did not finish: " + scenario + "\n" + tail(Files.readString(log)));
      }
      Path errors = Path.of(log + ".err");
      String errorText = Files.exists(errors) ? Files.readString(errors) : "";
      String output = tail(Files.readString(log)) + "\n" + errorText;
      Files.deleteIfExists(log);
      Files.deleteIfExists(errors);
      return new Result(process.exitValue(), output);
    }
  }

  /**
   * Starts sipp with scenario {@code scenario} of {@code src/test/resources/sipp}, each key of
   * {@code replaced} in it replaced by its value, one call ({@code -m 1}) from {@code 127.0.0.1},
   * and {@code args} (e.g. {@code -p}, the remote address). Returns once it is started.
   */
  static Running start(String scenario, Map<String, String> replaced, List<String> args)
      throws IOException {
    String text = Files.readString(scenarioFile(scenario));
    for (Map.Entry<String, String> entry : replaced.entrySet()) {
      text = text.replace(entry.getKey(), entry.getValue());
    }
    Path file = Files.createTempFile("sipp-" + scenario, ".xml");
    Files.writeString(file, text);
    Path out = Files.createTempFile("sipp-" + scenario, ".log");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            System.getProperty("dialtone.test.sipp", "/usr/bin/sipp"),
            "-sf",
            file.toString(),
            "-m",
            "1",
            "-l",
            "1",
            "-i",
            "127.0.0.1",
            "-nostdin",
            "-timeout",
            "40",
            "-trace_err",
            "-error_file",
            out + ".err"));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .directory(out.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    return new Running(process, out, scenario);
  }

  private static String tail(String text) {
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }

  private static Path scenarioFile(String scenario) {
    try {
      return Path.of(Sipp.class.getClassLoader().getResource("sipp/" + scenario + ".xml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
