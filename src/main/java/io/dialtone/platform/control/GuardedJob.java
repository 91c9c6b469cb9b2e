package io.dialtone.platform.control;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job's body made safe to run from a scheduler: never two runs at once (a run that finds the
 * previous one still going is skipped, with a WARNING), and a failure is logged at SEVERE instead
 * of escaping (an exception escaping a periodic task would cancel all its later runs).
 */
public final class GuardedJob implements Runnable {

  private static final Logger LOG = Logger.getLogger(GuardedJob.class.getName());

  private final String failureLog;
  private final Runnable job;
  private final AtomicBoolean running = new AtomicBoolean();

  GuardedJob(String failureLog, Runnable job) {
    this.failureLog = failureLog;
    this.job = job;
  }

  @Override
  public void run() {
    runOnce();
  }

  /** Runs the job now, unless it is running already; whether it ran (failed or not). */
  public boolean runOnce() {
    if (!running.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "skipped: the previous run is still going ({0})", failureLog);
      return false;
    }
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, failureLog, e);
    } finally {
      running.set(false);
    }
    return true;
  }
}
