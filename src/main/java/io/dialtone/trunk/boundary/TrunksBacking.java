package io.dialtone.trunk.boundary;

import io.dialtone.platform.boundary.Messages;
import io.dialtone.trunk.control.TrunkManagement;
import io.dialtone.trunk.control.TrunkView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code /trunks/index.xhtml}: the carrier trunks with their health, enable / disable / delete
 * (platform administrators; {@link TrunkManagement} refuses everyone else, and the page answers
 * 404).
 */
@Named
@ViewScoped
public class TrunksBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TrunkManagement management;
  @Inject transient Clock clock;

  private List<TrunkView> trunks;

  public void load() {
    trunks = management.trunks();
  }

  public void enable(TrunkView trunk) {
    management.enable(trunk.id(), true);
    Messages.addGlobalInfo("trunks.enabledNow", trunk.name());
    load();
  }

  public void disable(TrunkView trunk) {
    management.enable(trunk.id(), false);
    Messages.addGlobalInfo("trunks.disabledNow", trunk.name());
    load();
  }

  public void delete(TrunkView trunk) {
    management.delete(trunk.id());
    Messages.addGlobalInfo("trunks.deleted", trunk.name());
    load();
  }

  /** How long ago the trunk's last probe ended: "12 s ago", "3 min ago", "5 h ago"; or never. */
  public String checkedAgo(TrunkView trunk) {
    if (trunk.checkedAt() == null) {
      return Messages.text("trunks.never");
    }
    long seconds = Math.max(0, Duration.between(trunk.checkedAt(), clock.instant()).toSeconds());
    if (seconds < 120) {
      return Messages.text("trunks.secondsAgo", seconds);
    }
    if (seconds < 7200) {
      return Messages.text("trunks.minutesAgo", seconds / 60);
    }
    return Messages.text("trunks.hoursAgo", seconds / 3600);
  }

  public List<TrunkView> getTrunks() {
    return trunks;
  }
}
