package io.dialtone.extension.boundary;

import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.PinViolation;
import io.dialtone.extension.control.VoicemailPins;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.sip.boundary.RegistrationRow;
import io.dialtone.sip.control.LocationService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;

/**
 * {@code /extensions/mine.xhtml}: the extensions assigned to the signed-in user, and a form to set
 * one's voicemail PIN. A refused PIN lists every rule it breaks; the PIN is never redisplayed.
 */
@Named
@ViewScoped
public class MyExtensionBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Extensions extensions;
  @Inject transient VoicemailPins pins;
  @Inject transient LocationService location;
  @Inject transient Clock clock;

  private List<ExtensionRow> rows;
  private java.util.Map<Long, PinState> pinStates;
  private List<RegistrationRow> registrations = List.of();

  @NotNull private Long extensionId;

  @NotBlank
  @Size(max = 64)
  private String pin;

  public void load() {
    var mine = extensions.mine();
    rows = mine.stream().map(e -> ExtensionRow.of(e, null)).toList();
    pinStates =
        mine.stream()
            .collect(java.util.stream.Collectors.toMap(e -> e.getId(), e -> PinState.of(e)));
    if (extensionId == null && !rows.isEmpty()) {
      extensionId = rows.get(0).id();
    }
    // The caller's own devices, from the registrar (only extensions of mine()).
    var now = clock.instant();
    registrations =
        mine.stream()
            .flatMap(e -> RegistrationRow.of(location.bindingsOf(e.getId()), now).stream())
            .toList();
  }

  /** Whether one of the caller's extensions has a live registration (as of this view). */
  public boolean registered(String number) {
    return registrations.stream().anyMatch(r -> r.number().equals(number));
  }

  public List<RegistrationRow> getRegistrations() {
    return registrations;
  }

  public void savePin() {
    String typed = pin;
    pin = null;
    List<PinViolation> violations = pins.setOwn(extensionId, typed);
    if (violations.isEmpty()) {
      Messages.addGlobalInfo("extensions_mine.pinSet");
    } else {
      violations.forEach(v -> Messages.addGlobalError(v.messageKey()));
    }
    load();
  }

  /** The state of the voicemail PIN of one of the caller's extensions (as of this view). */
  public PinState pinState(long id) {
    return pinStates.getOrDefault(id, PinState.NOT_SET);
  }

  public List<ExtensionRow> getRows() {
    return rows;
  }

  public Long getExtensionId() {
    return extensionId;
  }

  public void setExtensionId(Long extensionId) {
    this.extensionId = extensionId;
  }

  public String getPin() {
    return pin;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }
}
