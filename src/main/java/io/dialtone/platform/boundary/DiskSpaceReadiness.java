package io.dialtone.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the file system of Dialtone's home ({@code DIALTONE_HOME}; the working directory when
 * unset) has at least {@code DIALTONE_HEALTH_MIN_FREE_MB} (512) MiB free for logs, the mail outbox
 * and exports. No data in the answer (it is public).
 */
@Readiness
@ApplicationScoped
public class DiskSpaceReadiness implements HealthCheck {

  @Inject
  @ConfigProperty(name = "dialtone.home")
  Optional<String> home;

  @Inject
  @ConfigProperty(name = "dialtone.health.min-free-mb", defaultValue = "512")
  long minFreeMb;

  @Override
  public HealthCheckResponse call() {
    Path path = Path.of(home.filter(h -> !h.isBlank()).orElse("."));
    boolean enough;
    try {
      enough = Files.getFileStore(path).getUsableSpace() >= minFreeMb * 1024 * 1024;
    } catch (IOException e) {
      enough = false;
    }
    return HealthCheckResponse.named("disk").status(enough).build();
  }
}
