package io.dialtone.platform.boundary;

import io.dialtone.platform.control.DatabaseMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready}): Dialtone can serve only while its database answers and holds
 * the schema this WAR migrated to ({@link DatabaseMigration#migrated}). The check carries no data
 * (which database, which error): the health answer is public.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Inject DatabaseMigration migration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database")
        .status(migration.migrated(TIMEOUT_SECONDS))
        .build();
  }
}
