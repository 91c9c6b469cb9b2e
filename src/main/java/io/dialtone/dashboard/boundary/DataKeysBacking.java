package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.dashboard.control.DataKeyAdministration;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.DataKeyState;
import io.dialtone.platform.control.DataKeyUse;
import io.dialtone.platform.control.Refusal;
import io.dialtone.platform.control.RotationProgress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * {@code /keys/index.xhtml}: the data keys with how many stored secrets each encrypts, the latest
 * rotation's progress, "rotate to" a key of the ring and "retire" an unused one (platform
 * administrators; {@link DataKeyAdministration} refuses everyone else, and the page answers 404).
 */
@Named
@ViewScoped
public class DataKeysBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient DataKeyAdministration administration;
  @Inject transient AccessControl access;
  @Inject transient AccountTree accounts;

  private List<DataKeyUse> keys;
  private RotationProgress rotation;
  private String target;
  private ZoneId zone;

  public void load() {
    keys = administration.keys();
    rotation = administration.latestRotation().orElse(null);
    long account = access.require(Permission.MANAGE_DATA_KEYS).accountId();
    zone =
        accounts.find(account).map(a -> ZoneId.of(a.profile().timeZone())).orElse(ZoneId.of("UTC"));
  }

  public void rotate() {
    try {
      RotationProgress started = administration.rotateTo(target);
      Messages.addGlobalInfo("data_keys.rotationStarted", started.targetKeyId());
      target = null;
    } catch (Refusal refused) {
      Messages.refusal(refused);
    }
    load();
  }

  public void retire(DataKeyUse key) {
    try {
      administration.retire(key.keyId());
      Messages.addGlobalInfo("data_keys.retired", key.keyId());
    } catch (Refusal refused) {
      Messages.refusal(refused);
    }
    load();
  }

  /** The keys a rotation may move to: held here, not current, not retired. */
  public List<String> getTargets() {
    return keys.stream()
        .filter(k -> k.state() == DataKeyState.NEW || k.state() == DataKeyState.ACTIVE)
        .map(DataKeyUse::keyId)
        .toList();
  }

  /** Whether "retire" is offered: not current, not retired, no secret uses it. */
  public boolean retirable(DataKeyUse key) {
    return key.uses() == 0
        && (key.state() == DataKeyState.ACTIVE || key.state() == DataKeyState.NEW);
  }

  /** A time in the viewer's account's zone, formatted for the viewer's language. */
  public String format(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
            .withZone(zone)
            .format(instant);
  }

  public List<DataKeyUse> getKeys() {
    return keys;
  }

  public RotationProgress getRotation() {
    return rotation;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }
}
