package io.dialtone.cdr.control;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One CSV export under way or done: written in batches to an owner-only temporary file by a
 * background task, offered once for download to the user who started it, then deleted. {@code
 * expected} is the filter's call count when it started (the progress bar's 100 %).
 */
public final class ExportJob {

  /** Where the job is. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  private final String id;
  private final long userId;
  private final String fileName;
  private final long expected;
  private final Path file;
  private final Instant started;
  private final AtomicLong written = new AtomicLong();
  private volatile State state = State.RUNNING;

  ExportJob(String id, long userId, String fileName, long expected, Path file, Instant started) {
    this.id = id;
    this.userId = userId;
    this.fileName = fileName;
    this.expected = expected;
    this.file = file;
    this.started = started;
  }

  public String id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String fileName() {
    return fileName;
  }

  public long expected() {
    return expected;
  }

  public long written() {
    return written.get();
  }

  public State state() {
    return state;
  }

  public Instant started() {
    return started;
  }

  Path file() {
    return file;
  }

  /** Progress in percent: 100 only when done (a count that grew meanwhile stays below). */
  public int percent() {
    if (state != State.RUNNING) {
      return 100;
    }
    if (expected <= 0) {
      return 0;
    }
    return (int) Math.min(99, written.get() * 100 / expected);
  }

  void wrote(long rows) {
    written.addAndGet(rows);
  }

  void finish(State end) {
    state = end;
  }
}
