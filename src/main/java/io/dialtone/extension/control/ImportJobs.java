package io.dialtone.extension.control;

import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.SecureTokens;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bulk imports as background work, so the page shows progress instead of blocking (10,000 lines).
 * {@link #start} checks the caller in their request ({@link ExtensionImport#authorize}), then the
 * managed executor runs {@link ExtensionImport#process} — one transaction, all or nothing — while
 * the page polls the {@link ImportJob}. Only the user who started a job sees it ({@link #job}); its
 * secrets are handed out once ({@link #takeSecrets}) and kept in memory only, at most {@link #KEEP}
 * after the job ended (a scheduled task forgets it). One import at a time per account: a second one
 * could pass the "number taken" check alongside the first.
 */
@ApplicationScoped
public class ImportJobs {

  /** How long a finished job (and its secrets not yet downloaded) is kept. */
  static final Duration KEEP = Duration.ofMinutes(30);

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject ExtensionImport importer;
  @Inject AccessControl access;
  @Inject Clock clock;

  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

  /**
   * Starts importing {@code csv} into the account; the job to follow, or empty when an import of
   * the account is still running. Refused (404, audited) for callers who may not import there.
   */
  public synchronized Optional<ImportJob> start(long accountId, String csv) {
    ImportGrant grant = importer.authorize(accountId);
    purgeOld();
    if (jobs.values().stream().anyMatch(j -> j.accountId() == accountId && j.running())) {
      return Optional.empty();
    }
    ImportJob job =
        new ImportJob(
            SecureTokens.newToken(SecureTokens.MIN_TOKEN_BITS),
            grant.caller().userId(),
            accountId,
            clock.instant());
    jobs.put(job.id(), job);
    executor.execute(() -> run(job, grant, csv));
    return Optional.of(job);
  }

  /** The caller's job {@code id}, if it is theirs. */
  public Optional<ImportJob> job(String id) {
    long userId = access.require(Permission.MANAGE_EXTENSIONS).userId();
    purgeOld();
    return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.userId() == userId);
  }

  /** The secrets of the caller's finished job {@code id}, once; empty afterwards. */
  public Optional<List<NewSipSecret>> takeSecrets(String id) {
    access.require(Permission.REVEAL_SIP_SECRET);
    return job(id).filter(j -> j.phase() == ImportJob.Phase.DONE).flatMap(ImportJob::takeSecrets);
  }

  /** Runs the import; the background task (no request, no caller check). */
  void run(ImportJob job, ImportGrant grant, String csv) {
    try {
      importAndRecord(job, grant, csv);
    } finally {
      scheduler.schedule(() -> forget(job), KEEP.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private void importAndRecord(ImportJob job, ImportGrant grant, String csv) {
    try {
      ImportResult result = importer.process(grant, csv, job);
      if (result.imported()) {
        job.done(result.created());
      } else {
        job.refused(result.errors());
      }
    } catch (RuntimeException e) {
      job.failed();
      LOG.log(
          Level.SEVERE,
          "extension import " + job.id() + " of " + grant.caller().actor() + " failed",
          e);
      try {
        importer.recordFailure(grant, e.getClass().getSimpleName());
      } catch (RuntimeException audit) {
        LOG.log(Level.SEVERE, "cannot audit the failed import " + job.id(), audit);
      }
    }
  }

  private void purgeOld() {
    var limit = clock.instant().minus(KEEP);
    jobs.values()
        .removeIf(
            j -> {
              if (j.started().isBefore(limit) && !j.running()) {
                j.forgetSecrets();
                return true;
              }
              return false;
            });
  }

  /** Drops a finished job and its secrets, whether they were downloaded or not. */
  private void forget(ImportJob job) {
    job.forgetSecrets();
    jobs.remove(job.id(), job);
  }

  @PreDestroy
  void forgetAll() {
    jobs.values().forEach(ImportJob::forgetSecrets);
    jobs.clear();
  }
}
