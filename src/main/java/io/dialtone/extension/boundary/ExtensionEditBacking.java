package io.dialtone.extension.boundary;

import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.extension.control.ExtensionRefused;
import io.dialtone.extension.control.ExtensionSettings;
import io.dialtone.extension.control.Extensions;
import io.dialtone.extension.control.LiveCall;
import io.dialtone.extension.control.LiveCalls;
import io.dialtone.extension.control.PhoneSetup;
import io.dialtone.extension.control.PhoneSetups;
import io.dialtone.extension.control.RegistrationEntry;
import io.dialtone.extension.control.RegistrationHistory;
import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.identity.control.QrCodes;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.sip.boundary.RegistrationRow;
import io.dialtone.sip.control.LocationService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /extensions/edit.xhtml?id=}: an extension's name, user, maximum registrations, class of
 * service and continuity destination (picked from the account's extensions and numbers, or typed),
 * and phones first: its status, the registered devices, when a phone was last seen and how to set
 * one up (with a QR code). The controls refuse ids out of scope (404).
 */
@Named
@ViewScoped
public class ExtensionEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int QR_SIZE = 240;

  @Inject transient Extensions extensions;
  @Inject transient ExtensionSettings settings;
  @Inject transient LocationService location;
  @Inject transient Clock clock;
  @Inject transient PhoneSetups setups;
  @Inject transient RegistrationHistory history;
  @Inject @Any transient Instance<LiveCalls> liveCalls;

  private Long id;
  private String number;
  private List<UserSummary> users;
  private List<RegistrationRow> registrations = List.of();
  private List<RegistrationEntry> changes = List.of();
  private List<String> callerIds = List.of();
  private List<LiveCall> calls = List.of();
  private ExtensionStatus status;
  private Instant lastRegisteredAt;
  private PhoneSetup setup;
  private String setupQr;
  private List<DestinationChoice> destinations = List.of();

  /** The outbound caller ID in E.164, or {@code null} for the account's default. */
  private String callerId;

  @NotBlank
  @Size(max = Extension.NAME_MAX)
  private String displayName;

  private Long userId;

  @Min(Extension.MIN_REGISTRATIONS)
  @Max(Extension.MAX_REGISTRATIONS)
  private int maxRegistrations;

  private Integer ringTimeout;

  private ClassOfService classOfService;

  @Size(max = Extension.DESTINATION_MAX)
  private String destination;

  public void load() {
    if (number != null) {
      return;
    }
    Extension e = extensions.get(id == null ? -1 : id);
    number = e.getNumber().digits();
    displayName = e.getDisplayName();
    userId = e.getAssignedUserId();
    maxRegistrations = e.getMaxRegistrations();
    destination = e.getContinuityDestination();
    ringTimeout = e.getRingTimeoutSeconds();
    classOfService = settings.classOfService(id);
    callerId = e.getOutboundCallerId() == null ? null : e.getOutboundCallerId().value();
    callerIds = settings.callerIdChoices(id).stream().map(E164Number::value).toList();
    calls = callsOf(e);
    users = extensions.assignableUsers(e.getAccountId().value());
    registrations = RegistrationRow.of(location.bindingsOf(e.getId()), clock.instant());
    changes = history.of(e.getId());
    status = e.getStatus();
    lastRegisteredAt = e.getLastRegisteredAt();
    setup = setups.of(number, e.getRealm().value());
    setupQr = QrCodes.pngDataUri(setup.sipUri(), QR_SIZE);
    destinations = DestinationChoice.of(e, extensions, callerIds);
  }

  /** Reads the live registrations again, after checking the extension is still in scope. */
  public void refreshRegistrations() {
    Extension e = extensions.get(id == null ? -1 : id);
    registrations = RegistrationRow.of(location.bindingsOf(e.getId()), clock.instant());
    changes = history.of(e.getId());
    calls = callsOf(e);
  }

  private List<LiveCall> callsOf(Extension e) {
    List<LiveCall> all = new ArrayList<>();
    liveCalls.forEach(source -> all.addAll(source.of(e.getAccountId(), e.getNumber())));
    return all;
  }

  /** The calls in progress on the extension (this node's), oldest first. */
  public List<LiveCall> getCalls() {
    return calls;
  }

  /** Whole minutes since the call started. */
  public long minutesOf(LiveCall call) {
    return java.time.Duration.between(call.since(), clock.instant()).toMinutes();
  }

  /** Seconds within the minute since the call started. */
  public int secondsOf(LiveCall call) {
    return java.time.Duration.between(call.since(), clock.instant()).toSecondsPart();
  }

  public List<String> getCallerIds() {
    return callerIds;
  }

  public String getCallerId() {
    return callerId;
  }

  public void setCallerId(String callerId) {
    this.callerId = callerId == null || callerId.isBlank() ? null : callerId;
  }

  public List<RegistrationRow> getRegistrations() {
    return registrations;
  }

  /** The registration history, newest first (the last 30 days). */
  public List<RegistrationEntry> getChanges() {
    return changes;
  }

  public ExtensionStatus getStatus() {
    return status;
  }

  /**
   * When a phone of this extension was last heard from: its latest registration refresh while one
   * is registered, else the stored time of the last registration; {@code null} for never.
   */
  public Instant getLastSeen() {
    Instant seen = lastRegisteredAt;
    for (RegistrationRow row : registrations) {
      Instant refreshed = row.refreshedAt().toInstant();
      if (seen == null || refreshed.isAfter(seen)) {
        seen = refreshed;
      }
    }
    return seen;
  }

  public PhoneSetup getSetup() {
    return setup;
  }

  /** The phone settings as a QR code (an inline PNG data URI). */
  public String getSetupQr() {
    return setupQr;
  }

  /** The continuity destinations offered for {@code typed}: those whose number or name holds it. */
  public List<String> completeDestination(String typed) {
    return DestinationChoice.matching(destinations, typed);
  }

  /** How a destination offered is labelled: its number, and the extension's name if it is one. */
  public String destinationLabel(String value) {
    return DestinationChoice.label(destinations, value);
  }

  public String save() {
    try {
      settings.saveAll(
          id,
          displayName,
          userId,
          maxRegistrations,
          classOfService,
          destination,
          E164Number.parse(callerId).orElse(null),
          ringTimeout);
    } catch (ExtensionRefused e) {
      Messages.refusal(e);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.addGlobalInfo("extensions_edit.saved");
    return "/extensions/index.xhtml?faces-redirect=true";
  }

  public String userLabel(UserSummary user) {
    return user.displayName() == null
        ? user.email()
        : user.displayName() + " (" + user.email() + ")";
  }

  public ClassOfService[] getClasses() {
    return ClassOfService.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getNumber() {
    return number;
  }

  public List<UserSummary> getUsers() {
    return users;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Long getUserId() {
    return userId;
  }

  public void setUserId(Long userId) {
    this.userId = userId;
  }

  public Integer getRingTimeout() {
    return ringTimeout;
  }

  public void setRingTimeout(Integer ringTimeout) {
    this.ringTimeout = ringTimeout;
  }

  public int getMaxRegistrations() {
    return maxRegistrations;
  }

  public void setMaxRegistrations(int maxRegistrations) {
    this.maxRegistrations = maxRegistrations;
  }

  public ClassOfService getClassOfService() {
    return classOfService;
  }

  public void setClassOfService(ClassOfService classOfService) {
    this.classOfService = classOfService;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }
}
