package io.dialtone.cdr.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit of call records: callers put records in a bounded queue; one drain task at a time
 * (on {@code executor}) takes up to {@code batch} of them and stores them with one call of {@code
 * writeBatch} (one transaction), then completes each caller's future. Alone, a record is stored at
 * once in a batch of one. Under load (the last batch held more than one record) a batch first
 * lingers up to {@code linger} for more, so that its fixed cost — a transaction, a connection, the
 * account's terms, a commit's flush to disk — is shared by the records of that time rather than
 * paid for every few of them.
 *
 * <p>Back-pressure: when the queue is full, {@link #submit} waits up to {@code offerWait} for room,
 * then refuses with {@link CallRecorderBusy}. When a batch fails (a bad record, a concurrent
 * duplicate, a lost connection), each of its records is retried alone, so one bad record fails only
 * its own future. What is queued but not committed is in memory only: a crash of the JVM loses it
 * (at most the queue's capacity); an orderly shutdown stores it first ({@link #close}).
 */
public final class GroupCommit {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  private record Queued(CallRecord call, CompletableFuture<Recorded> done) {}

  private final BlockingQueue<Queued> queue;
  private final int batch;
  private final Duration offerWait;
  private final Executor executor;
  private final Function<List<CallRecord>, List<Recorded>> writeBatch;
  private final Duration linger;
  private final AtomicBoolean draining = new AtomicBoolean();

  /** Records the last batch took: more than one means load, and the next batch lingers. */
  private volatile int lastTaken;

  /** Held while a batch is taken and stored: {@link #close} waits for the batch in flight. */
  private final Object storing = new Object();

  public GroupCommit(
      int capacity,
      int batch,
      Duration offerWait,
      Executor executor,
      Function<List<CallRecord>, List<Recorded>> writeBatch) {
    this(capacity, batch, offerWait, Duration.ZERO, executor, writeBatch);
  }

  public GroupCommit(
      int capacity,
      int batch,
      Duration offerWait,
      Duration linger,
      Executor executor,
      Function<List<CallRecord>, List<Recorded>> writeBatch) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batch = batch;
    this.offerWait = offerWait;
    this.linger = linger;
    this.executor = executor;
    this.writeBatch = writeBatch;
  }

  /** Queues {@code call}; the future completes when its batch is committed (or failed). */
  public CompletableFuture<Recorded> submit(CallRecord call) {
    Queued q = new Queued(call, new CompletableFuture<>());
    try {
      if (!queue.offer(q, offerWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CallRecorderBusy("call record queue full: " + call.callId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallRecorderBusy("interrupted while queueing " + call.callId());
    }
    drainLater();
    return q.done();
  }

  /** Records waiting for their batch. */
  public int queued() {
    return queue.size();
  }

  /**
   * Stores what is queued in the calling thread (an orderly shutdown), after the batch a drain is
   * storing now: when this returns, every record submitted before is committed or failed.
   */
  public void close() {
    while (drainOnce()) {
      // until a batch finds the queue empty
    }
  }

  private void drainLater() {
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        throw e;
      }
    }
  }

  private void drain() {
    try {
      do {
        lingerUnderLoad();
      } while (drainOnce());
    } finally {
      draining.set(false);
    }
    if (!queue.isEmpty()) {
      drainLater(); // queued after the last poll, before the flag was down
    }
  }

  private void lingerUnderLoad() {
    if (lastTaken > 1 && !linger.isZero() && queue.size() < batch) {
      try {
        Thread.sleep(linger);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // store at once: the thread is being stopped
      }
    }
  }

  /** Stores one batch; false when there was none. */
  private boolean drainOnce() {
    synchronized (storing) {
      return storeBatch();
    }
  }

  private boolean storeBatch() {
    List<Queued> taken = new ArrayList<>(batch);
    queue.drainTo(taken, batch);
    lastTaken = taken.size();
    if (taken.isEmpty()) {
      return false;
    }
    try {
      List<Recorded> results = writeBatch.apply(taken.stream().map(Queued::call).toList());
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).done().complete(results.get(i));
      }
    } catch (RuntimeException batchFailed) {
      if (taken.size() > 1) {
        LOG.log(
            Level.FINE, "call record batch failed, storing its records one by one", batchFailed);
      }
      for (Queued q : taken) {
        try {
          q.done().complete(writeBatch.apply(List.of(q.call())).get(0));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "call record not stored: " + q.call().callId(), e);
          q.done().completeExceptionally(e);
        }
      }
    }
    return true;
  }
}
