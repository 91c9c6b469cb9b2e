package io.dialtone.cdr.boundary.cdrs;

import io.dialtone.cdr.control.CdrExports;
import io.dialtone.cdr.control.CdrRetention;
import io.dialtone.cdr.control.ExportJob;
import io.dialtone.cdr.control.SavedFilters;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tools around the CDR list ({@code /cdrs/index.xhtml}): the caller's saved filters, the CSV
 * export of the filter shown (a background job with a progress bar, then a download link) and the
 * account's retention. The controls check ownership, permission and scope.
 */
@Named
@ViewScoped
public class CdrToolsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient SavedFilters saved;
  @Inject transient CdrExports exports;
  @Inject transient CdrRetention retention;
  @Inject transient AccessControl access;
  @Inject CdrsBacking list;

  private String filterName;
  private Long savedId;
  private List<SavedRow> savedFilters;
  private String exportId;
  private Integer retentionMonths;

  /** A saved filter in the picker. */
  public record SavedRow(long id, String name) implements Serializable {}

  public List<SavedRow> getSavedFilters() {
    if (savedFilters == null) {
      savedFilters = saved.mine().stream().map(f -> new SavedRow(f.getId(), f.getName())).toList();
    }
    return savedFilters;
  }

  public void saveFilter() {
    if (filterName == null || filterName.isBlank() || filterName.strip().length() > 60) {
      Messages.addGlobalError("cdrs.saved.nameRequired");
      return;
    }
    if (list.getFilter() == null) {
      Messages.addGlobalError("cdrs.pickAccount");
      return;
    }
    if (saved.save(filterName, list.criteria())) {
      Messages.addGlobalInfo("cdrs.saved.done", filterName.strip());
      filterName = null;
    } else {
      Messages.addGlobalError("cdrs.saved.tooMany");
    }
    savedFilters = null;
  }

  public void applySaved() {
    if (savedId == null) {
      return;
    }
    try {
      list.use(saved.get(savedId));
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError("cdrs.error.filter");
    }
  }

  public void deleteSaved() {
    if (savedId == null) {
      return;
    }
    saved.delete(savedId);
    savedId = null;
    savedFilters = null;
    Messages.addGlobalInfo("cdrs.saved.deleted");
  }

  /** Starts exporting the filter shown. */
  public void startExport() {
    if (list.getFilter() == null) {
      Messages.addGlobalError("cdrs.pickAccount");
      return;
    }
    exportId = exports.start(list.getFilter()).id();
  }

  public boolean isMayExport() {
    return access.may(Permission.EXPORT_CDRS);
  }

  public int getExportProgress() {
    return job().map(ExportJob::percent).orElse(0);
  }

  public void setExportProgress(int ignored) {
    // the progress bar's value is read-only
  }

  public boolean isExportRunning() {
    return job().map(j -> j.state() == ExportJob.State.RUNNING).orElse(false);
  }

  public boolean isExportReady() {
    return job().map(j -> j.state() == ExportJob.State.DONE).orElse(false);
  }

  public boolean isExportFailed() {
    return job().map(j -> j.state() == ExportJob.State.FAILED).orElse(false);
  }

  public long getExportRows() {
    return job().map(ExportJob::written).orElse(0L);
  }

  public String getExportFileName() {
    return job().map(ExportJob::fileName).orElse("");
  }

  public String getExportId() {
    return exportId;
  }

  private java.util.Optional<ExportJob> job() {
    return exportId == null ? java.util.Optional.empty() : exports.job(exportId);
  }

  /** The retention of the account shown, in months. */
  public Integer getRetentionMonths() {
    if (retentionMonths == null && list.getAccountId() != null) {
      retentionMonths = retention.months(list.getAccountId());
    }
    return retentionMonths;
  }

  public void setRetentionMonths(Integer months) {
    this.retentionMonths = months;
  }

  public boolean isMayChangeRetention() {
    return list.getAccountId() != null && retention.mayChange(list.getAccountId());
  }

  public void saveRetention() {
    if (retentionMonths == null || retentionMonths < 12 || retentionMonths > 120) {
      Messages.addGlobalError("cdrs.retention.range");
      retentionMonths = null;
      return;
    }
    retention.change(list.getAccountId(), retentionMonths);
    Messages.addGlobalInfo("cdrs.retention.saved", retentionMonths);
  }

  /** Another account is shown: its retention is read again. */
  public void accountChanged() {
    retentionMonths = null;
  }

  public String getFilterName() {
    return filterName;
  }

  public void setFilterName(String filterName) {
    this.filterName = filterName;
  }

  public Long getSavedId() {
    return savedId;
  }

  public void setSavedId(Long savedId) {
    this.savedId = savedId;
  }
}
