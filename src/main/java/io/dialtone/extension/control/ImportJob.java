package io.dialtone.extension.control;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bulk import under way or done ({@link ImportJobs}): the lines checked, then the extensions
 * stored, for the page's progress bars; at the end either every broken line (nothing imported) or
 * the new SIP secrets, which {@link #takeSecrets()} hands out once. Counters are written by the
 * background task and read by the page's polls.
 */
public final class ImportJob {

  /** Where the job is. */
  public enum Phase {
    /** Reading and checking every line. */
    CHECKING,
    /** Every line is good: generating secrets and storing the extensions (one transaction). */
    IMPORTING,
    /** Committed: every extension exists; the secrets wait for their one download. */
    DONE,
    /** Broken lines: nothing was imported ({@link #errors()}). */
    REFUSED,
    /** Something broke (database, server): the transaction rolled back, nothing was imported. */
    FAILED
  }

  private final String id;
  private final long userId;
  private final long accountId;
  private final Instant started;
  private volatile Phase phase = Phase.CHECKING;
  private volatile int lines;
  private final AtomicInteger checked = new AtomicInteger();
  private volatile int rows;
  private final AtomicInteger stored = new AtomicInteger();
  private volatile List<ImportError> errors = List.of();
  private volatile int created;
  private final AtomicReference<List<NewSipSecret>> secrets = new AtomicReference<>();

  ImportJob(String id, long userId, long accountId, Instant started) {
    this.id = id;
    this.userId = userId;
    this.accountId = accountId;
    this.started = started;
  }

  /** A job nobody follows (the synchronous import). */
  static ImportJob untracked(long accountId) {
    return new ImportJob("", 0L, accountId, Instant.EPOCH);
  }

  public String id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public long accountId() {
    return accountId;
  }

  public Instant started() {
    return started;
  }

  public Phase phase() {
    return phase;
  }

  public boolean running() {
    return phase == Phase.CHECKING || phase == Phase.IMPORTING;
  }

  /** Lines of the file checked so far, and in all. */
  public int checked() {
    return checked.get();
  }

  public int lines() {
    return lines;
  }

  /** Extensions stored so far (not yet committed before {@link Phase#DONE}), and in all. */
  public int stored() {
    return stored.get();
  }

  public int rows() {
    return rows;
  }

  /** Checking progress in percent: 100 once every line is checked. */
  public int checkPercent() {
    return checkPercent(phase);
  }

  /** {@link #checkPercent()} for a page that saw the job in {@code seen}. */
  public int checkPercent(Phase seen) {
    if (seen != Phase.CHECKING) {
      return 100;
    }
    return lines <= 0 ? 0 : (int) Math.min(99, checked.get() * 100L / lines);
  }

  /** Import progress in percent: 100 only when committed. */
  public int importPercent() {
    return importPercent(phase);
  }

  /** {@link #importPercent()} for a page that saw the job in {@code seen}. */
  public int importPercent(Phase seen) {
    return switch (seen) {
      case DONE -> 100;
      case IMPORTING -> rows <= 0 ? 0 : (int) Math.min(99, stored.get() * 100L / rows);
      default -> 0;
    };
  }

  /** The broken lines of a {@link Phase#REFUSED} job. */
  public List<ImportError> errors() {
    // read the phase first: a page rendered while the refusal is being published never shows the
    // wrong lines next to a bar that is still checking
    return phase == Phase.REFUSED ? errors : List.of();
  }

  /** Extensions created by a {@link Phase#DONE} job. */
  public int created() {
    return created;
  }

  /** Whether the secrets of a done job still wait for their download. */
  public boolean secretsWaiting() {
    return secrets.get() != null;
  }

  /** The secrets, once: later calls (and a job not done) get nothing. */
  public java.util.Optional<List<NewSipSecret>> takeSecrets() {
    return java.util.Optional.ofNullable(secrets.getAndSet(null));
  }

  void checking(int lineCount) {
    lines = lineCount;
  }

  void checkedUpTo(int line) {
    checked.lazySet(line);
  }

  void importing(int rowCount) {
    checked.set(lines);
    rows = rowCount;
    phase = Phase.IMPORTING;
  }

  void storedSoFar(int count) {
    stored.set(count);
  }

  void refused(List<ImportError> broken) {
    checked.set(lines);
    errors = List.copyOf(broken);
    phase = Phase.REFUSED;
  }

  void done(List<NewSipSecret> newSecrets) {
    created = newSecrets.size();
    secrets.set(List.copyOf(newSecrets));
    phase = Phase.DONE;
  }

  void failed() {
    phase = Phase.FAILED;
  }

  /** Drops the secrets (the job is forgotten). */
  void forgetSecrets() {
    secrets.set(null);
  }
}
