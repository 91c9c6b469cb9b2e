package io.dialtone.bench;

import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.CallRecorder;
import io.dialtone.cdr.control.CdrBatchWriter;
import io.dialtone.cdr.control.CdrBatchWriter.AccountTerms;
import io.dialtone.cdr.control.CdrWrites;
import io.dialtone.cdr.control.GroupCommit;
import io.dialtone.cdr.control.PendingCall;
import io.dialtone.cdr.control.RateTable;
import io.dialtone.cdr.control.Recorded;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Insert throughput of call records the way the SIP side stores them ({@code CallRecorder}): each
 * record rated with the deck, its day and extension id found ({@link CdrBatchWriter#prepare}: one
 * extension query per batch), stored with its daily totals ({@link CdrWrites#write}), committed
 * (flush at commit: the server's defaults), three ways:
 *
 * <ol>
 *   <li>one transaction per record, {@code THREADS} threads each on its own connection (what a
 *       per-call {@code record()} costs);
 *   <li>group commit, asynchronous: {@link GroupCommit} with the recorder's queue, batch and wait
 *       ({@link CallRecorder#QUEUE}, {@link CallRecorder#BATCH}), four producer threads submitting
 *       as fast as they can (the queue's back-pressure paces them), one drain at a time on one
 *       connection;
 *   <li>group commit, synchronous: 64 threads each waiting for its record's commit ({@code
 *       record()}'s contract).
 * </ol>
 *
 * Calls: {@link CdrDistribution}'s mix (outbound/inbound/internal, answered, blocked, rated) for
 * 100 of the generated accounts with 10 live extensions each (inserted here), started in the last
 * hour, interleaved across accounts. Not measured: Payara's pool and JTA, and the JPA read of each
 * batch's accounts (here a map).
 *
 * <p>{@code java io.dialtone.bench.CdrInsertBench jdbcUrl user password [perCall] [async] [sync]}
 */
public final class CdrInsertBench {

  private static final int THREADS = 8;

  private CdrInsertBench() {}

  public static void main(String[] args) throws Exception {
    int perCall = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int async = args.length > 4 ? Integer.parseInt(args[4]) : 200_000;
    int sync = args.length > 5 ? Integer.parseInt(args[5]) : 50_000;
    String url = args[0];
    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
      Map<Long, AccountTerms> terms = accounts(c, 100);
      extensions(c, terms.keySet());
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      RateTable deck = CdrGenerator.deck(c, now.minus(Duration.ofDays(400)));
      List<CallRecord> calls = calls(terms, perCall + async + sync, now);
      long before = count(c);
      System.out.printf(
          "%d accounts, %,d calls prepared; load average %s%n",
          terms.size(), calls.size(), loadAverage());

      double a =
          perCall == 0 ? 0 : perCallTransactions(url, args, calls.subList(0, perCall), terms, deck);
      System.out.printf(
          "1 one transaction per record, %d threads: %,d records in %.2f s = %,.0f records/s"
              + " (load %s)%n",
          THREADS, perCall, perCall / a, a, loadAverage());

      List<CallRecord> second = calls.subList(perCall, perCall + async);
      groupCommit("2 group commit, async, 4 producers", url, args, second, terms, deck, 4, false);
      List<CallRecord> third = calls.subList(perCall + async, calls.size());
      groupCommit(
          "3 group commit, sync (record()), 64 callers", url, args, third, terms, deck, 64, true);

      long stored = count(c) - before;
      System.out.printf(
          "stored %,d new rows of %,d calls (must be equal); extension ids set on %,d%n",
          stored, calls.size(), withExtensionId(c, now));
    }
  }

  /** Records per second with one transaction per record. */
  private static double perCallTransactions(
      String url,
      String[] args,
      List<CallRecord> calls,
      Map<Long, AccountTerms> terms,
      RateTable deck)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
                      c.setAutoCommit(false);
                      for (int i = next.getAndIncrement();
                          i < calls.size();
                          i = next.getAndIncrement()) {
                        List<PendingCall> p =
                            CdrBatchWriter.prepare(c, List.of(calls.get(i)), terms::get, deck);
                        CdrWrites.write(c, p);
                        c.commit();
                      }
                    } catch (Exception e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return calls.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static void groupCommit(
      String name,
      String url,
      String[] args,
      List<CallRecord> calls,
      Map<Long, AccountTerms> terms,
      RateTable deck,
      int producers,
      boolean waitEach)
      throws Exception {
    try (Connection c = DriverManager.getConnection(url, args[1], args[2]);
        ExecutorService drain = Executors.newSingleThreadExecutor()) {
      c.setAutoCommit(false);
      AtomicLong batches = new AtomicLong();
      AtomicLong batchNanos = new AtomicLong();
      AtomicLong slowestBatch = new AtomicLong();
      AtomicLong refusals = new AtomicLong();
      GroupCommit commits =
          new GroupCommit(
              CallRecorder.QUEUE,
              Integer.getInteger("batch", CallRecorder.BATCH),
              CallRecorder.OFFER_WAIT,
              drain,
              batch -> {
                try {
                  long b0 = System.nanoTime();
                  List<Recorded> r =
                      CdrWrites.write(c, CdrBatchWriter.prepare(c, batch, terms::get, deck));
                  c.commit();
                  long took = System.nanoTime() - b0;
                  batches.incrementAndGet();
                  batchNanos.addAndGet(took);
                  slowestBatch.accumulateAndGet(took, Math::max);
                  return r;
                } catch (SQLException e) {
                  try {
                    c.rollback();
                  } catch (SQLException ignored) {
                    // the connection is gone; the retry fails too
                  }
                  throw new IllegalStateException(e);
                }
              });
      AtomicLong done = new AtomicLong();
      AtomicLong stored = new AtomicLong();
      AtomicInteger next = new AtomicInteger();
      List<CompletableFuture<Recorded>> futures =
          java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      List<Double> perSecond = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int t = 0; t < producers; t++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int i = next.getAndIncrement();
                          i < calls.size();
                          i = next.getAndIncrement()) {
                        CompletableFuture<Recorded> f =
                            submitPatiently(commits, calls.get(i), refusals)
                                .whenComplete(
                                    (r, e) -> {
                                      done.incrementAndGet();
                                      if (r != null && r.stored()) {
                                        stored.incrementAndGet();
                                      }
                                    });
                        if (waitEach) {
                          f.join();
                        } else {
                          futures.add(f);
                        }
                      }
                    }));
      }
      long last = 0;
      while (done.get() < calls.size()) {
        Thread.sleep(1000);
        long d = done.get();
        perSecond.add((double) (d - last));
        last = d;
      }
      for (Thread t : threads) {
        t.join();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (perSecond.isEmpty()) {
        perSecond.add((double) calls.size());
      }
      perSecond.sort(null);
      System.out.printf(
          "%s: %,d records (%,d stored) in %.2f s = %,.0f records/s; %,d batches (%.0f records"
              + " each, %.1f ms mean, %.0f ms slowest); %,d refusals of a full queue (retried);"
              + " per-second windows: min %,.0f, median %,.0f, max %,.0f (load %s)%n",
          name,
          calls.size(),
          stored.get(),
          s,
          calls.size() / s,
          batches.get(),
          calls.size() / (double) Math.max(1, batches.get()),
          batchNanos.get() / 1e6 / Math.max(1, batches.get()),
          slowestBatch.get() / 1e6,
          refusals.get(),
          perSecond.get(0),
          perSecond.get(perSecond.size() / 2),
          perSecond.get(perSecond.size() - 1),
          loadAverage());
    }
  }

  /** Submits, and after a {@code CallRecorderBusy} (queue full for 2 s) counts it and retries. */
  private static CompletableFuture<Recorded> submitPatiently(
      GroupCommit commits, CallRecord call, AtomicLong refusals) {
    while (true) {
      try {
        return commits.submit(call);
      } catch (io.dialtone.cdr.control.CallRecorderBusy e) {
        refusals.incrementAndGet();
      }
    }
  }

  private static Map<Long, AccountTerms> accounts(Connection c, int n) throws SQLException {
    Map<Long, AccountTerms> terms = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, currency, time_zone FROM account WHERE kind = 'CUSTOMER' ORDER BY id LIMIT ?")) {
      s.setInt(1, n);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          terms.put(rs.getLong(1), new AccountTerms(rs.getString(2), ZoneId.of(rs.getString(3))));
        }
      }
    }
    return terms;
  }

  /** Extensions 100-109 of each account, live (as the SIP side's callers have). */
  private static void extensions(Connection c, Iterable<Long> accounts) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT IGNORE INTO extension (account_id, number, display_name, type, status, realm,
              ha1_sha256, ha1_md5, created_at)
            VALUES (?, ?, 'Bench', 'USER', 'ACTIVE', 'bench.invalid', 'x', 'x', UTC_TIMESTAMP(6))
            """)) {
      for (long account : accounts) {
        for (int n = 100; n < 110; n++) {
          s.setLong(1, account);
          s.setString(2, Integer.toString(n));
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  /** {@code n} calls of the last hour, round-robin over the accounts. */
  private static List<CallRecord> calls(Map<Long, AccountTerms> terms, int n, Instant now) {
    List<List<CallRecord>> per = new ArrayList<>();
    int each = n / terms.size() + 1;
    for (var e : terms.entrySet()) {
      per.add(
          new CdrDistribution(
                  e.getKey(), e.getValue().zone(), "514", 10, 777_000 + now.getEpochSecond())
              .calls(each, now.minus(Duration.ofHours(1)), now));
    }
    List<CallRecord> all = new ArrayList<>(n);
    for (int i = 0; all.size() < n; i++) {
      for (List<CallRecord> list : per) {
        if (all.size() < n && i < list.size()) {
          all.add(list.get(i));
        }
      }
    }
    return all;
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cdr")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long withExtensionId(Connection c, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM cdr WHERE extension_id IS NOT NULL AND start_time >= ?")) {
      s.setObject(
          1,
          java.time.LocalDateTime.ofInstant(
              now.minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ",
          java.util.Arrays.copyOf(
              java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "),
              3));
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
