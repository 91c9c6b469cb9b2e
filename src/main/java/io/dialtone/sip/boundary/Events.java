package io.dialtone.sip.boundary;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one call's events on the workers, one at a time, in order. */
final class Events {

  private static final Logger LOG = Logger.getLogger(JainSipProxy.class.getName());

  private final Executor workers;

  Events(Executor workers) {
    this.workers = workers;
  }

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  void run(Runnable event) {
    queue.add(event);
    drainLater();
  }

  private void drainLater() {
    if (running.compareAndSet(false, true)) {
      try {
        workers.execute(this::drain);
      } catch (RejectedExecutionException e) {
        drain();
      }
    }
  }

  private void drain() {
    try {
      Runnable next;
      while ((next = queue.poll()) != null) {
        try {
          next.run();
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "call control failed on a call event", e);
        }
      }
    } finally {
      running.set(false);
    }
    if (!queue.isEmpty()) {
      drainLater();
    }
  }
}
