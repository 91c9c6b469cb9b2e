package io.dialtone.cdr.control;

import io.dialtone.platform.control.ScheduledJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Runs the {@link CdrSummaryBackfill} every {@value #PERIOD_MINUTES} minutes for at most {@value
 * #BUDGET_MINUTES} minutes each (the first run {@value #FIRST_RUN_MINUTES} minutes after start),
 * until every call is in the summary rows; after that a run only reads the two start markers. A
 * failed run (a lock wait timeout, say) is logged at SEVERE; the next run resumes at the same day.
 */
@ApplicationScoped
public class CdrSummaryBackfillJob {

  static final int PERIOD_MINUTES = 5;
  static final int BUDGET_MINUTES = 4;
  static final int FIRST_RUN_MINUTES = 3;

  @Inject ScheduledJobs jobs;
  @Inject CdrSummaryBackfill backfill;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object event) {
    jobs.every(
        Duration.ofMinutes(PERIOD_MINUTES),
        Duration.ofMinutes(FIRST_RUN_MINUTES),
        "call summaries' backfill failed; it resumes in " + PERIOD_MINUTES + " min",
        () -> backfill.run(Integer.MAX_VALUE, Duration.ofMinutes(BUDGET_MINUTES)));
  }
}
