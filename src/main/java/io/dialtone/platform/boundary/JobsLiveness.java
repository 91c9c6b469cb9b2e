package io.dialtone.platform.boundary;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /health/live}): every background job is still scheduled ({@link
 * ScheduledJobs#allAlive()}); a job whose schedule ended never runs again until a restart. A failed
 * run does not count: it is logged and the next run happens.
 */
@Liveness
@ApplicationScoped
public class JobsLiveness implements HealthCheck {

  @Inject ScheduledJobs jobs;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("jobs").status(jobs.allAlive()).build();
  }
}
