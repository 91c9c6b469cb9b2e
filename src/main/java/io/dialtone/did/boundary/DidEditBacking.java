package io.dialtone.did.boundary;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.control.DidAccess;
import io.dialtone.did.control.DidAssignments;
import io.dialtone.did.control.DidRefused;
import io.dialtone.did.control.DidRouting;
import io.dialtone.did.control.DidView;
import io.dialtone.did.control.Dids;
import io.dialtone.did.entity.Did;
import io.dialtone.extension.control.ExtensionChoice;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /dids/edit.xhtml?id=}: one DID. Platform and reseller administrators assign it to an
 * account below them or take it back; customer administrators (and agents acting as one) route it
 * to an extension or a ring group and set its continuity destination. The controls refuse ids out
 * of scope (404).
 */
@Named
@ViewScoped
public class DidEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Dids dids;
  @Inject transient DidAssignments assignments;
  @Inject transient DidRouting routing;
  @Inject transient DidAccess access;

  private Long id;
  private DidView did;
  private List<TargetOption> targets = List.of();
  private List<ExtensionOption> extensions = List.of();
  private List<ExtensionOption> ringGroups = List.of();
  private Long ringGroupId;
  private Long targetId;
  private Long extensionId;

  @Size(max = Did.DESTINATION_MAX)
  private String destination;

  private Integer ringTimeout;

  private boolean callerIdDefault;

  public boolean isCallerIdDefault() {
    return callerIdDefault;
  }

  public void setCallerIdDefault(boolean callerIdDefault) {
    this.callerIdDefault = callerIdDefault;
  }

  /** An account a DID may be assigned to, as the menu shows it. */
  public record TargetOption(long id, String label) implements Serializable {}

  /** An extension or a ring group a DID may ring, as the menu shows it. */
  public record ExtensionOption(long id, String label) implements Serializable {}

  public void load() {
    if (did != null) {
      return;
    }
    did = dids.get(id == null ? -1 : id);
    if (isMayAssign()) {
      targets =
          assignments.targets().stream().map(a -> new TargetOption(a.id(), label(a))).toList();
    }
    if (isMayRoute()) {
      extensions =
          routing.extensionsFor(did.id()).stream()
              .map(e -> new ExtensionOption(e.id(), extensionLabel(e)))
              .toList();
      Long routed = did.extensionId();
      extensionId =
          extensions.stream().anyMatch(e -> Long.valueOf(e.id()).equals(routed)) ? routed : null;
      ringGroups =
          routing.ringGroupsFor(did.id()).stream()
              .map(g -> new ExtensionOption(g.id(), g.name()))
              .toList();
      Long group = did.ringGroupId();
      ringGroupId =
          ringGroups.stream().anyMatch(g -> Long.valueOf(g.id()).equals(group)) ? group : null;
      destination = did.continuityDestination();
      ringTimeout = did.ringTimeoutSeconds();
      callerIdDefault = routing.isCallerIdDefault(did.id());
    }
  }

  public String assign() {
    if (targetId == null) {
      Messages.addGlobalError("dids_edit.chooseAccount");
      return null;
    }
    try {
      assignments.assign(did.id(), targetId);
    } catch (DidRefused e) {
      Messages.refusal(e);
      return null;
    }
    return done("dids_edit.assigned");
  }

  public String takeBack() {
    assignments.takeBack(did.id());
    return done("dids_edit.takenBack");
  }

  public String saveRoute() {
    try {
      routing.route(did.id(), extensionId, ringGroupId, destination, ringTimeout);
      routing.changeCallerIdDefault(did.id(), callerIdDefault);
    } catch (ExtensionRefused | DidRefused e) {
      Messages.refusal(e);
      return null;
    }
    return done("dids_edit.routed");
  }

  private static String done(String messageKey) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo(messageKey);
    return "/dids/index.xhtml?faces-redirect=true";
  }

  /** Whether the caller may assign this DID (it is below them or theirs). */
  public boolean isMayAssign() {
    return access.may(Permission.ASSIGN_DIDS);
  }

  /** Whether the caller may take the DID back (someone below them holds it). */
  public boolean isMayTakeBack() {
    return isMayAssign() && did != null && did.holderId() != access.callerAccountId();
  }

  /** Whether the caller routes this DID (a customer account's number, a customer admin). */
  public boolean isMayRoute() {
    return access.may(Permission.ROUTE_DIDS)
        && did != null
        && did.holderKind() == AccountKind.CUSTOMER;
  }

  private static String label(AccountView account) {
    return account.name() + " (" + account.accountNumber() + ")";
  }

  private static String extensionLabel(ExtensionChoice extension) {
    return extension.number().digits() + " — " + extension.displayName();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public DidView getDid() {
    return did;
  }

  public List<TargetOption> getTargets() {
    return targets;
  }

  public List<ExtensionOption> getExtensions() {
    return extensions;
  }

  public Long getTargetId() {
    return targetId;
  }

  public void setTargetId(Long targetId) {
    this.targetId = targetId;
  }

  public List<ExtensionOption> getRingGroups() {
    return ringGroups;
  }

  public Long getRingGroupId() {
    return ringGroupId;
  }

  public void setRingGroupId(Long ringGroupId) {
    this.ringGroupId = ringGroupId;
  }

  public Long getExtensionId() {
    return extensionId;
  }

  public void setExtensionId(Long extensionId) {
    this.extensionId = extensionId;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public Integer getRingTimeout() {
    return ringTimeout;
  }

  public void setRingTimeout(Integer ringTimeout) {
    this.ringTimeout = ringTimeout;
  }
}
