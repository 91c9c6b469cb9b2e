package io.dialtone.cdr.control;

import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.audit.entity.AuditAction;
import io.dialtone.audit.entity.AuditResult;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.CsvWriter;
import io.dialtone.platform.control.DatabaseMigration;
import io.dialtone.platform.control.SecureTokens;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * CSV export of a CDR filter. {@link #start} checks EXPORT_CDRS and the scope in the caller's
 * request, then a background task writes the calls oldest first in keyset batches of {@value
 * #BATCH} ({@link CdrDetails#batch}: constant memory whatever the size) to an owner-only temporary
 * file, counting rows for the progress bar. The user who started it downloads the file once ({@link
 * #take}); it is deleted then, or {@link #KEEP} after its start. Each export is audited when it
 * ends: who, the filter, the rows written (FAILURE when it broke off).
 */
@ApplicationScoped
public class CdrExports {

  /** Rows per query. */
  static final int BATCH = 2000;

  /** How long an export's file waits for its download. */
  static final Duration KEEP = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(CdrExports.class.getName());

  @Resource ManagedExecutorService executor;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject CallRecords records;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest request;
  @Inject Clock clock;

  private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();

  /** Starts exporting {@code filter}; the job to follow. Refused (404) out of scope. */
  public ExportJob start(@NotNull CdrFilter filter) {
    SignedInUser caller = access.requireInScope(Permission.EXPORT_CDRS, filter.accountId());
    CdrScope scope = records.checked(filter);
    long expected = records.totals(filter).total().calls();
    ZoneId zone = records.zoneOf(filter.accountId());
    String name =
        CdrCsv.fileName(
            records.numberOf(filter.accountId()),
            LocalDate.ofInstant(filter.from(), zone),
            LocalDate.ofInstant(filter.to().minusNanos(1000), zone));
    purgeOld();
    ExportJob job =
        new ExportJob(
            SecureTokens.newToken(SecureTokens.MIN_TOKEN_BITS),
            caller.userId(),
            name,
            expected,
            tempFile(),
            clock.instant());
    jobs.put(job.id(), job);
    AuditRecord.Builder done =
        AuditRecord.builder(AuditAction.CDRS_EXPORTED, AuditResult.SUCCESS)
            .actor(caller.actor())
            .onBehalfOf(caller.onBehalfOf())
            .account(filter.accountId())
            .target("account:" + filter.accountId())
            .sourceIp(request.getRemoteAddr());
    executor.execute(() -> write(job, filter, scope, caller, done));
    return job;
  }

  /** The caller's export {@code id}, if it is theirs. */
  public Optional<ExportJob> job(String id) {
    long userId = access.require(Permission.EXPORT_CDRS).userId();
    return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.userId() == userId);
  }

  /**
   * The finished file of the caller's export {@code id}, to stream once: the job is forgotten and
   * the file deleted when the stream closes. Empty when it is not the caller's or not done.
   */
  public Optional<InputStream> take(String id) {
    Optional<ExportJob> job = job(id).filter(j -> j.state() == ExportJob.State.DONE);
    if (job.isEmpty()) {
      return Optional.empty();
    }
    jobs.remove(id);
    Path file = job.get().file();
    try {
      InputStream in = Files.newInputStream(file);
      return Optional.of(
          new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
              super.close();
              Files.deleteIfExists(file);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the whole export; run by the background task (no request, no caller check). */
  void write(
      ExportJob job,
      CdrFilter filter,
      CdrScope scope,
      SignedInUser caller,
      AuditRecord.Builder done) {
    String detail = CdrFilterText.describe(filter);
    try (BufferedWriter out = Files.newBufferedWriter(job.file(), StandardCharsets.UTF_8)) {
      csv(dataSource, filter, scope.extensionIds(), out, job::wrote);
      job.finish(ExportJob.State.DONE);
      audit.record(done.detail(detail + " rows=" + job.written()).build());
    } catch (IOException | SQLException | RuntimeException e) {
      job.finish(ExportJob.State.FAILED);
      LOG.log(Level.SEVERE, "CDR export " + job.id() + " of " + caller.actor() + " failed", e);
      deleteQuietly(job.file());
      audit.record(
          AuditRecord.builder(AuditAction.CDRS_EXPORTED, AuditResult.FAILURE)
              .actor(caller.actor())
              .onBehalfOf(caller.onBehalfOf())
              .account(filter.accountId())
              .target("account:" + filter.accountId())
              .detail(detail + " rows=" + job.written() + " failed")
              .build());
    }
  }

  /**
   * Writes the CSV of {@code filter} (restricted to the extensions with ids {@code only}, {@code
   * null}: all) to {@code out}: the header, then the calls oldest first in keyset batches of
   * {@value #BATCH}, each read on a connection of its own and written before the next is read,
   * reporting each batch's rows to {@code progress}. Flushes {@code out}; returns the rows written.
   * What the export job runs, and what the benchmark measures.
   */
  public static long csv(
      DataSource dataSource,
      CdrFilter filter,
      java.util.Set<Long> only,
      java.io.Writer out,
      java.util.function.LongConsumer progress)
      throws IOException, SQLException {
    CsvWriter csv = new CsvWriter(out);
    CdrCsv.header(csv);
    long rows = 0;
    CdrCursor cursor = null;
    while (true) {
      List<CdrDetail> batch;
      try (Connection c = dataSource.getConnection()) {
        batch = CdrDetails.batch(c, filter, only, cursor, BATCH);
      }
      for (CdrDetail d : batch) {
        CdrCsv.line(csv, d);
      }
      rows += batch.size();
      progress.accept(batch.size());
      if (batch.size() < BATCH) {
        break;
      }
      CdrDetail last = batch.get(batch.size() - 1);
      cursor = new CdrCursor(last.start(), last.id());
    }
    csv.flush();
    return rows;
  }

  private void purgeOld() {
    var limit = clock.instant().minus(KEEP);
    jobs.values()
        .removeIf(
            j -> {
              if (j.started().isBefore(limit) && j.state() != ExportJob.State.RUNNING) {
                deleteQuietly(j.file());
                return true;
              }
              return false;
            });
  }

  @PreDestroy
  void deleteAll() {
    jobs.values().forEach(j -> deleteQuietly(j.file()));
    jobs.clear();
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile(
          "dialtone-cdr-",
          ".csv",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      try {
        return Files.createTempFile("dialtone-cdr-", ".csv");
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + file, e);
    }
  }
}
