package io.dialtone.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local launcher needs to know, read from the environment with documented defaults (see
 * docs/configuration.md). Settings the application itself reads (database, data key, public URL)
 * are passed on to Payara Micro as environment variables, where MicroProfile Config finds them.
 */
record LauncherSettings(
    Path home,
    int httpPort,
    int httpsPort,
    int embeddedDbPort,
    Optional<String> externalDbUrl,
    Optional<Path> keystore,
    String publicUrl) {

  static LauncherSettings fromEnvironment(Map<String, String> env) {
    Path home =
        Path.of(env.getOrDefault("DIALTONE_HOME", System.getProperty("user.home") + "/.dialtone"));
    int https = Integer.parseInt(env.getOrDefault("DIALTONE_HTTPS_PORT", "8443"));
    return new LauncherSettings(
        home.toAbsolutePath(),
        Integer.parseInt(env.getOrDefault("DIALTONE_HTTP_PORT", "8080")),
        https,
        Integer.parseInt(env.getOrDefault("DIALTONE_EMBEDDED_DB_PORT", "3307")),
        Optional.ofNullable(env.get("DIALTONE_DB_URL")).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get("DIALTONE_TLS_KEYSTORE"))
            .filter(s -> !s.isBlank())
            .map(Path::of),
        env.getOrDefault("DIALTONE_PUBLIC_URL", "https://localhost:" + https));
  }
}
