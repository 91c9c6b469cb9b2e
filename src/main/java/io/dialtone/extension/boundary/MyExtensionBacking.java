package io.dialtone.extension.boundary;

import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.PhoneSetup;
import io.dialtone.extension.control.PhoneSetups;
import io.dialtone.extension.control.PinViolation;
import io.dialtone.extension.control.VoicemailPins;
import io.dialtone.identity.control.QrCodes;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /extensions/mine.xhtml}: the extensions assigned to the signed-in user, their phones (when
 * last seen, how to set one up, with a QR code), and a form to set one's voicemail PIN. A refused
 * PIN lists every rule it breaks; the PIN is never redisplayed.
 */
@Named
@ViewScoped
public class MyExtensionBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int QR_SIZE = 240;

  @Inject transient Extensions extensions;
  @Inject transient VoicemailPins pins;
  @Inject transient LocationService location;
  @Inject transient Clock clock;
  @Inject transient PhoneSetups setups;

  private List<ExtensionRow> rows;
  private java.util.Map<Long, PinState> pinStates;
  private List<RegistrationRow> registrations = List.of();
  private final Map<Long, PhoneSetup> phoneSetups = new HashMap<>();
  private final Map<Long, String> setupQrs = new HashMap<>();
  private final Map<Long, Instant> lastSeen = new HashMap<>();

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
    for (var e : mine) {
      PhoneSetup setup = setups.of(e.getNumber().digits(), e.getRealm().value());
      phoneSetups.put(e.getId(), setup);
      setupQrs.put(e.getId(), QrCodes.pngDataUri(setup.sipUri(), QR_SIZE));
      Instant seen = e.getLastRegisteredAt();
      for (RegistrationRow row : registrations) {
        Instant refreshed = row.refreshedAt().toInstant();
        if (row.number().equals(e.getNumber().digits())
            && (seen == null || refreshed.isAfter(seen))) {
          seen = refreshed;
        }
      }
      if (seen != null) {
        lastSeen.put(e.getId(), seen);
      }
    }
  }

  /** How to set up a phone for one of the caller's extensions. */
  public PhoneSetup setupOf(long id) {
    return phoneSetups.get(id);
  }

  /** {@link #setupOf} as a QR code (an inline PNG data URI). */
  public String setupQrOf(long id) {
    return setupQrs.get(id);
  }

  /** When a phone of one of the caller's extensions was last heard from; null for never. */
  public Instant lastSeenOf(long id) {
    return lastSeen.get(id);
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
