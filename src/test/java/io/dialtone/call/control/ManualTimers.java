package io.dialtone.call.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Timers a test fires by hand instead of waiting: {@link #schedule(Runnable, long, TimeUnit)} only
 * records the task; {@link #fire(long)} runs the pending ones scheduled for that delay.
 */
final class ManualTimers extends ScheduledThreadPoolExecutor {

  private final List<Task> tasks = new ArrayList<>();

  ManualTimers() {
    super(0);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task task = new Task(command, unit.toMillis(delay));
    tasks.add(task);
    return task;
  }

  /** The delays of the timers still pending, in milliseconds, oldest first. */
  synchronized List<Long> pending() {
    return tasks.stream().filter(t -> !t.cancelled).map(t -> t.delayMillis).toList();
  }

  /** Runs every pending timer scheduled for {@code delayMillis}. */
  void fire(long delayMillis) {
    List<Task> due;
    synchronized (this) {
      due = tasks.stream().filter(t -> !t.cancelled && t.delayMillis == delayMillis).toList();
      tasks.removeAll(due);
    }
    due.forEach(t -> t.command.run());
  }

  private static final class Task implements ScheduledFuture<Object> {
    final Runnable command;
    final long delayMillis;
    volatile boolean cancelled;

    Task(Runnable command, long delayMillis) {
      this.command = command;
      this.delayMillis = delayMillis;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
