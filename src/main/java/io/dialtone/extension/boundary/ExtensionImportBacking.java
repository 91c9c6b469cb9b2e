package io.dialtone.extension.boundary;

import io.dialtone.extension.control.ImportError;
import io.dialtone.extension.control.ImportJob;
import io.dialtone.extension.control.ImportJobs;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /extensions/import.xhtml}: upload a CSV of extensions ({@code number,name,type}); the
 * import runs in the background ({@link ImportJobs}) while the page polls its progress (lines
 * checked, extensions created). A broken file imports nothing and lists every broken line; a good
 * one creates them all and offers their SIP credentials once as a CSV download.
 */
@Named
@ViewScoped
public class ExtensionImportBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MAX_BYTES = 2L * 1024 * 1024;

  @Inject transient ImportJobs jobs;
  @Inject transient AccessControl access;

  private transient UploadedFile file;
  private String jobId;

  /** View action: only for callers who may import (else 404). */
  public void load() {
    access.require(Permission.MANAGE_EXTENSIONS);
    access.require(Permission.REVEAL_SIP_SECRET);
  }

  public void upload() {
    if (isRunning()) {
      Messages.addGlobalError("extensions_import.running");
      return;
    }
    if (file == null || file.getSize() == 0) {
      Messages.addGlobalError("extensions_import.noFile");
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      Messages.addGlobalError("extensions_import.tooLarge");
      return;
    }
    String text = new String(file.getContent(), StandardCharsets.UTF_8);
    Optional<ImportJob> started = jobs.start(access.caller().accountId(), text);
    if (started.isPresent()) {
      jobId = started.get().id();
    } else {
      Messages.addGlobalError("extensions_import.running");
    }
  }

  /** Sends the provisioning CSV once; the job forgets the secrets. */
  public void download() throws IOException {
    Optional<List<NewSipSecret>> secrets =
        jobId == null ? Optional.empty() : jobs.takeSecrets(jobId);
    if (secrets.isEmpty()) {
      Messages.addGlobalError("extensions_import.alreadyDownloaded");
      return;
    }
    byte[] csv = ProvisioningCsv.of(secrets.get()).getBytes(StandardCharsets.UTF_8);
    Faces.sendFile(csv, "dialtone-extensions.csv", true);
  }

  public String lineText(ImportError error) {
    return Messages.text("extensions_import.line", error.line(), Messages.text(error.messageKey()));
  }

  private Optional<ImportJob> job() {
    return jobId == null ? Optional.empty() : jobs.job(jobId);
  }

  /**
   * The job's phase as this request renders it, read once per request: the job moves on while the
   * page is rendered, and the bars, the poll and the result must agree (a bar left at 99 % beside
   * the end message, with the poll already gone, was seen).
   */
  private ImportJob.Phase phase() {
    Optional<ImportJob> job = job();
    if (job.isEmpty()) {
      return null;
    }
    Map<String, Object> request = Faces.getRequestMap();
    String key = ExtensionImportBacking.class.getName() + ".phase." + job.get().id();
    return (ImportJob.Phase) request.computeIfAbsent(key, k -> job.get().phase());
  }

  private boolean in(ImportJob.Phase phase) {
    return phase() == phase;
  }

  public boolean isStarted() {
    return job().isPresent();
  }

  public boolean isRunning() {
    return in(ImportJob.Phase.CHECKING) || in(ImportJob.Phase.IMPORTING);
  }

  public boolean isDone() {
    return in(ImportJob.Phase.DONE);
  }

  public boolean isRefused() {
    return in(ImportJob.Phase.REFUSED);
  }

  public boolean isFailed() {
    return in(ImportJob.Phase.FAILED);
  }

  public boolean isDownloadable() {
    return in(ImportJob.Phase.DONE) && job().map(ImportJob::secretsWaiting).orElse(false);
  }

  public int getCheckProgress() {
    return job().map(j -> j.checkPercent(phase())).orElse(0);
  }

  public void setCheckProgress(int ignored) {
    // the progress bar's value is read-only
  }

  public int getImportProgress() {
    return job().map(j -> j.importPercent(phase())).orElse(0);
  }

  public void setImportProgress(int ignored) {
    // the progress bar's value is read-only
  }

  public int getChecked() {
    return job().map(ImportJob::checked).orElse(0);
  }

  public int getLines() {
    return job().map(ImportJob::lines).orElse(0);
  }

  public int getStored() {
    return job().map(ImportJob::stored).orElse(0);
  }

  public int getRows() {
    return job().map(ImportJob::rows).orElse(0);
  }

  public int getImported() {
    return job().map(ImportJob::created).orElse(0);
  }

  public List<ImportError> getErrors() {
    return in(ImportJob.Phase.REFUSED) ? job().map(ImportJob::errors).orElse(List.of()) : List.of();
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
