package io.dialtone.cdr.control;

import io.dialtone.platform.control.CallPathThreads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the SIP side stores a call attempt: the record is rated, inserted and added to the daily
 * totals of its account and extension ({@link CdrBatchWriter}), idempotent on the SIP Call-ID and
 * start time (a record sent twice — a retry after a lost answer — is stored and counted once), and
 * named with the id of the extension that holds its number then.
 *
 * <p>Group commit ({@link GroupCommit}): records from many SIP threads are stored together, up to
 * {@value #BATCH} per transaction with multi-row statements, instead of one transaction (four
 * statements and a log flush) each. {@link #record} waits until its record is committed (durable on
 * return, in its own transaction — not the caller's); {@link #submit} returns at once with a
 * future. The queue holds at most {@value #QUEUE} records: when full, both wait up to {@link
 * #OFFER_WAIT} for room and then refuse with {@link CallRecorderBusy} (back-pressure instead of
 * unbounded memory). Batches are stored on a thread of the call path's ({@link
 * CallPathThreads#records}): a managed executor would capture the submitter's context for every
 * drain, a twentieth of the server's CPU at 500 calls/s. A JVM crash loses what is queued and not
 * yet committed (submitted records whose future has not completed; at most the queue); a normal
 * shutdown stores them first.
 *
 * <p>Cost: an answered outbound call is priced by the rate deck in the account's currency at its
 * start ({@link RateDeck}); it has no cost ({@code NULL}, counted as 0 in the totals) when the deck
 * has no rate for it then. Everything else costs 0. The totals' day is the calendar day of the
 * start in the account's time zone. A stored record fires {@link UsageRecorded} (observed after
 * commit by the usage limits: in-memory totals and 80 %/100 % alerts).
 */
@ApplicationScoped
public class CallRecorder {

  private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());

  /** Records per transaction, at most. */
  public static final int BATCH = 500;

  /** Records queued, at most (≈ 1 KB each in memory). */
  public static final int QUEUE = 20_000;

  /** How long a batch waits for more records under load (none when calls come one by one). */
  public static final Duration LINGER = Duration.ofMillis(20);

  /** How long a caller waits for room in a full queue. */
  public static final Duration OFFER_WAIT = Duration.ofSeconds(2);

  @Inject CallPathThreads threads;
  @Inject CdrBatchWriter writer;
  @Inject MeterRegistry registry;

  private GroupCommit commits;

  @PostConstruct
  void start() {
    commits =
        new GroupCommit(
            QUEUE,
            BATCH,
            OFFER_WAIT,
            LINGER,
            task -> threads.records().execute(task),
            writer::write);
  }

  /** Stores {@code call} and returns once it is committed; what became of it. */
  public Recorded record(@NotNull CallRecord call) {
    try {
      return submit(call).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Queues {@code call} for the next batch; the future completes at its commit. Counted for the
   * operator's scrape as a call attempt by its result ({@code dialtone_call_attempts_total}).
   */
  public CompletableFuture<Recorded> submit(@NotNull CallRecord call) {
    CompletableFuture<Recorded> queued = commits.submit(call);
    registry
        .counter(
            "dialtone.call.attempts",
            "result",
            call.disposition().name().toLowerCase(java.util.Locale.ROOT))
        .increment();
    return queued;
  }

  /** Records queued and not yet stored (monitoring). */
  public int queued() {
    return commits.queued();
  }

  @PreDestroy
  void stop() {
    try {
      commits.close();
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "ALERT call records still queued at shutdown were not stored: " + commits.queued(),
          e);
    }
  }

  /** Whole minutes of a call, each started minute counted (what minute caps count). */
  static long minutes(int billsec) {
    return (billsec + 59L) / 60;
  }
}
