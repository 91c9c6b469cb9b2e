package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.control.PlatformRangeManagement;
import io.dialtone.callpolicy.control.RuleRefused;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code /calls/ranges.xhtml}: the platform-wide blocked ranges (platform administrators). */
@Named
@ViewScoped
public class RangesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PlatformRangeManagement management;

  private List<RangeRow> ranges;
  private String prefix;
  private String reason;

  public void load() {
    ranges = management.ranges().stream().map(RangeRow::of).toList();
  }

  public void add() {
    try {
      management.add(prefix, reason);
      Messages.addGlobalInfo("ranges.added", prefix.strip());
      prefix = null;
      reason = null;
    } catch (RuleRefused e) {
      Messages.refusal(e);
    }
    load();
  }

  public void remove(RangeRow range) {
    management.remove(range.id());
    Messages.addGlobalInfo("ranges.removed", range.prefix());
    load();
  }

  public List<RangeRow> getRanges() {
    return ranges;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
