package io.dialtone.extension.boundary;

import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.NewSipSecret;
import io.dialtone.extension.control.PhoneSetup;
import io.dialtone.extension.control.PhoneSetups;
import io.dialtone.extension.control.VoicemailPins;
import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.identity.boundary.StepUpPrompt;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.sip.control.LocationService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /extensions/index.xhtml}: the extensions of the caller's customer account, a creation
 * form, and per extension: edit, disable, enable, delete, regenerate the SIP secret (step-up),
 * reset the voicemail PIN. A new secret or temporary PIN is held by this view only until the page
 * is left or "Done" is pressed: a reload starts a new view without it (shown once).
 */
@Named
@ViewScoped
public class ExtensionsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Extensions extensions;
  @Inject transient VoicemailPins pins;
  @Inject transient AccessControl access;
  @Inject StepUpPrompt prompt;
  @Inject transient LocationService location;
  @Inject transient PhoneSetups setups;

  private long accountId;
  private List<ExtensionRow> rows;
  private List<UserSummary> users;
  private NewSipSecret revealed;
  private String temporaryPin;
  private String temporaryPinNumber;
  private Long pendingRegeneration;
  private int unusedDays;
  private Set<Long> registered = Set.of();

  @NotBlank
  @Size(max = 8)
  private String number;

  @NotBlank
  @Size(max = Extension.NAME_MAX)
  private String displayName;

  @NotNull private ExtensionType type = ExtensionType.USER;
  private Long userId;

  /** View action: the caller's own customer account (the control refuses anything else). */
  public void load() {
    accountId = access.caller().accountId();
    refresh();
  }

  public void refresh() {
    unusedDays = extensions.unusedDays();
    users = extensions.assignableUsers(accountId);
    Map<Long, String> names =
        users.stream().collect(Collectors.toMap(UserSummary::id, ExtensionsBacking::label));
    rows =
        extensions.list(accountId).stream()
            .map(
                e ->
                    ExtensionRow.of(
                        e,
                        names.get(e.getAssignedUserId()),
                        !e.getStatus().equals(ExtensionStatus.DISABLED) && extensions.isUnused(e)))
            .toList();
    // Registered or not at a glance, from the registrar's in-memory bindings.
    registered =
        rows.stream()
            .map(ExtensionRow::id)
            .filter(location::isRegistered)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the registrar holds a live binding for extension {@code id} (as of this view). */
  public boolean registered(long id) {
    return registered.contains(id);
  }

  public void create() {
    try {
      revealed = extensions.create(accountId, number, displayName, type, userId);
      temporaryPin = null;
      Messages.addGlobalInfo("extensions.created", revealed.number());
      number = null;
      displayName = null;
      userId = null;
      type = ExtensionType.USER;
    } catch (ExtensionRefused e) {
      Messages.refusal(e);
    }
    refresh();
  }

  public void disable(long id) {
    if (extensions.disable(id)) {
      Messages.addGlobalInfo("extensions.disabled");
    }
    refresh();
  }

  public void enable(long id) {
    if (extensions.enable(id)) {
      Messages.addGlobalInfo("extensions.enabled");
    }
    refresh();
  }

  public void delete(long id) {
    extensions.delete(id);
    Messages.addGlobalInfo("extensions.deleted");
    refresh();
  }

  /** Regenerates a secret; asks for a step-up first when the caller has none recent. */
  public void regenerate(long id) {
    try {
      revealed = extensions.regenerateSecret(id);
      temporaryPin = null;
      pendingRegeneration = null;
      Messages.addGlobalInfo("extensions.regenerated", revealed.number());
    } catch (StepUpRequired e) {
      pendingRegeneration = id;
      prompt.ask();
    }
    refresh();
  }

  /** The step-up prompt's action: the regeneration that waited for it. */
  public void retry() {
    if (pendingRegeneration != null) {
      regenerate(pendingRegeneration);
    }
  }

  public void resetPin(long id) {
    ExtensionRow row =
        rows.stream().collect(Collectors.toMap(ExtensionRow::id, Function.identity())).get(id);
    temporaryPin = pins.reset(id);
    temporaryPinNumber = row == null ? "" : row.number();
    revealed = null;
    Messages.addGlobalInfo("extensions.pinReset");
  }

  /** Forgets the secret or PIN shown once. */
  public void done() {
    revealed = null;
    temporaryPin = null;
    temporaryPinNumber = null;
  }

  private static String label(UserSummary user) {
    return user.displayName() == null
        ? user.email()
        : user.displayName() + " (" + user.email() + ")";
  }

  public String userLabel(UserSummary user) {
    return label(user);
  }

  public int getUnusedDays() {
    return unusedDays;
  }

  public List<ExtensionRow> getRows() {
    return rows;
  }

  public List<UserSummary> getUsers() {
    return users;
  }

  public ExtensionType[] getTypes() {
    return ExtensionType.values();
  }

  public NewSipSecret getRevealed() {
    return revealed;
  }

  /** Where the phone of the credentials just shown registers; null when none are shown. */
  public PhoneSetup getRevealedSetup() {
    return revealed == null ? null : setups.of(revealed.sipUser(), revealed.realm());
  }

  public String getTemporaryPin() {
    return temporaryPin;
  }

  public String getTemporaryPinNumber() {
    return temporaryPinNumber;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public ExtensionType getType() {
    return type;
  }

  public void setType(ExtensionType type) {
    this.type = type;
  }

  public Long getUserId() {
    return userId;
  }

  public void setUserId(Long userId) {
    this.userId = userId;
  }
}
