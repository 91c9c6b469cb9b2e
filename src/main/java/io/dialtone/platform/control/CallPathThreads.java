package io.dialtone.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Threads for the work a call causes by the thousand: its timers (a branch's setup time, the
 * ringing time, the maximum duration), the passes that follow calls ({@link CoalescedWork}) and the
 * storing of call records in batches.
 *
 * <p>The container's managed executors capture the caller's context for every task they take: under
 * call load that was a fifth of the server's CPU (each capture searches the class path for context
 * providers). These threads come from the application's {@link ManagedThreadFactory} instead, so
 * the application's naming, class loader and security context are set once per thread, as for the
 * SIP workers, and handing them a task costs what a plain executor costs. A task must not rely on
 * the submitter's context (its transaction, its signed-in user); the call path has none. Cancelled
 * timers leave the queue at once (a 4-hour maximum-duration timer of a call that ended is not kept
 * 4 hours).
 */
@ApplicationScoped
public class CallPathThreads {

  private static final Logger LOG = Logger.getLogger(CallPathThreads.class.getName());

  /** Passes waiting at most; beyond, the submitter is refused (its work logged as dropped). */
  static final int BACKGROUND_QUEUE = 10_000;

  private static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

  @Resource ManagedThreadFactory threadFactory;

  private ScheduledThreadPoolExecutor timers;
  private ThreadPoolExecutor background;
  private ThreadPoolExecutor records;

  /** The call path's timers (two threads; a timer's task must be short or hand its work on). */
  public synchronized ScheduledExecutorService timers() {
    if (timers == null) {
      timers = new ScheduledThreadPoolExecutor(2, factory());
      timers.setRemoveOnCancelPolicy(true);
      timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }
    return timers;
  }

  /** One thread for the passes after calls, in the order they are handed over. */
  public synchronized Executor background() {
    if (background == null) {
      background =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(BACKGROUND_QUEUE),
              factory(),
              new ThreadPoolExecutor.AbortPolicy());
    }
    return background;
  }

  /**
   * One thread for the call records' group commit: it stores one batch after the other (the group
   * commit hands it at most one drain at a time).
   */
  public synchronized Executor records() {
    if (records == null) {
      records =
          new ThreadPoolExecutor(
              1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory());
    }
    return records;
  }

  /**
   * The injected thread factory, else the default one looked up now (in-container test deployments
   * have been seen to leave the field empty).
   */
  private ManagedThreadFactory factory() {
    if (threadFactory == null) {
      try {
        threadFactory = javax.naming.InitialContext.doLookup(DEFAULT_THREAD_FACTORY);
      } catch (javax.naming.NamingException e) {
        throw new IllegalStateException("no managed thread factory for the call path", e);
      }
    }
    return threadFactory;
  }

  @PreDestroy
  synchronized void stop() {
    if (timers != null) {
      timers.shutdownNow();
    }
    if (records != null) {
      records.shutdown(); // the batch being stored completes; the recorder stores the rest itself
    }
    if (background != null) {
      background.shutdown(); // the passes queued (last-call stamps, alert checks) still run
      try {
        if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warning(
              "passes after calls still queued at shutdown: " + background.getQueue().size());
          background.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.log(Level.WARNING, "interrupted while passes after calls ended", e);
      }
    }
  }
}
