package io.dialtone.bench;

import io.dialtone.cdr.control.CdrExports;
import io.dialtone.cdr.control.CdrFilter;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The CSV export of at least a million call records through the export job's own code ({@link
 * CdrExports#csv}: keyset batches of 2,000, one connection per batch, {@code CdrCsv} lines, a
 * buffered UTF-8 file writer, as {@code CdrExports.write} runs it), timed, with the heap watched:
 * the baseline after a full GC, the highest heap in use sampled every 5 ms (garbage not yet
 * collected included), the highest heap left after any collection (the live set), and the same
 * after the export. Connections come from Connector/J's pool ({@code MariaDbPoolDataSource}), as in
 * the server they come from Payara's. Meant to run with a small heap ({@code -Xmx128m}): finishing
 * at all shows the export fits in it.
 *
 * <p>The range: the fewest whole days back from today (account time zone) whose calls of the
 * account reach {@code minRows} (from {@code cdr_daily_account}).
 *
 * <p>{@code java -Xmx128m io.dialtone.bench.CdrExportBench jdbcUrl user password account [minRows]}
 */
public final class CdrExportBench {

  private CdrExportBench() {}

  public static void main(String[] args) throws Exception {
    long account = Long.parseLong(args[3]);
    long minRows = args.length > 4 ? Long.parseLong(args[4]) : 1_000_000;
    // a pool, as the application server's: one connection per batch is a pool checkout
    MariaDbPoolDataSource ds =
        new MariaDbPoolDataSource(
            args[0]
                + (args[0].contains("?") ? "&" : "?")
                + "user="
                + args[1]
                + "&password="
                + args[2]);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ZoneId zone;
    LocalDate first;
    long expected = 0;
    try (Connection c = ds.getConnection()) {
      zone = zoneOf(c, account);
      LocalDate today = LocalDate.ofInstant(now, zone);
      first = today;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT day, calls FROM cdr_daily_account WHERE account_id = ? AND day <= ?"
                  + " ORDER BY day DESC")) {
        s.setLong(1, account);
        s.setObject(2, today);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next() && expected < minRows) {
            first = rs.getObject(1, LocalDate.class);
            expected += rs.getLong(2);
          }
        }
      }
    }
    CdrFilter filter =
        new CdrFilter(
            account,
            first.atStartOfDay(zone).toInstant(),
            now,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Path file = Files.createTempFile("cdr-export-bench-", ".csv");
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    long baseline = used(heap, false);
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    AtomicLong peakUsed = new AtomicLong(baseline);
    AtomicLong peakLive = new AtomicLong(baseline);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(used(heap, false), Math::max);
                    peakLive.accumulateAndGet(used(heap, true), Math::max);
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    AtomicLong batches = new AtomicLong();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long server0 = serverTicks();
    long t0 = System.nanoTime();
    long rows;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      rows = CdrExports.csv(ds, filter, null, out, n -> batches.incrementAndGet());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double clientCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double serverCpu = server0 < 0 ? Double.NaN : (serverTicks() - server0) / 100.0;
    sampler.interrupt();
    sampler.join();
    long poolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.gc();
    long after = used(heap, false);
    long bytes = Files.size(file);
    Files.delete(file);
    ds.close();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "CSV export: account %d, %s..%s (%s), expected %,d calls (daily totals)%n",
        account, first, LocalDate.ofInstant(now, zone), zone, expected);
    System.out.printf(
        "  rows %,d in %,d batches, file %.1f MB, %.2f s = %,.0f rows/s%n",
        rows, batches.get(), bytes / 1048576.0, seconds, rows / seconds);
    System.out.printf(
        "  CPU: this JVM %.2f s, the MariaDB server %.2f s (of %.2f s wall; load average %s)%n",
        clientCpu, serverCpu, seconds, Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.printf(
        "  heap: max %d MB (-Xmx); baseline after GC %.1f MB; peak in use (sampled, garbage"
            + " included) %.1f MB = +%.1f MB; sum of pool peaks %.1f MB; peak live after a"
            + " GC %.1f MB = +%.1f MB; after the export, after GC %.1f MB = %+.1f MB%n",
        rt.maxMemory() / 1048576,
        mb(baseline),
        mb(peakUsed.get()),
        mb(peakUsed.get() - baseline),
        mb(poolPeaks),
        mb(peakLive.get()),
        mb(peakLive.get() - baseline),
        mb(after),
        mb(after - baseline));
    System.out.printf(
        "  GCs: %s%n",
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(
                g ->
                    g.getName()
                        + " "
                        + g.getCollectionCount()
                        + "x "
                        + g.getCollectionTime()
                        + " ms")
            .toList());
  }

  /** The bench server's CPU time in clock ticks (1/100 s), -1 when unknown. */
  private static long serverTicks() {
    try {
      String pid = Files.readString(Path.of(System.getProperty("mariadbd.pid", "none"))).strip();
      String[] stat = Files.readString(Path.of("/proc", pid, "stat")).split("\\) ")[1].split(" ");
      return Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Heap in use now, or (afterGc) what the last collection left of each pool. */
  private static long used(List<MemoryPoolMXBean> heap, boolean afterGc) {
    long sum = 0;
    for (MemoryPoolMXBean p : heap) {
      var u = afterGc ? p.getCollectionUsage() : p.getUsage();
      sum += u == null ? 0 : u.getUsed();
    }
    return sum;
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  private static ZoneId zoneOf(Connection c, long account) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM account WHERE id = ?")) {
      s.setLong(1, account);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return ZoneId.of(rs.getString(1));
      }
    }
  }
}
