package io.dialtone.extension.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.callpolicy.control.ExtensionPolicies;
import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.sip.control.SipCredentialsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An extension's call settings: how many devices may register at once (1–5; enforced by the
 * registrar), its class of service (stored by the call policy), and its service continuity
 * destination: where inbound calls go when no device is registered or answers. The destination
 * passes the same decision as a number the extension dials (SECURITY.md E6); a refused one names
 * the deciding rule. And its outbound caller ID: one of the numbers its account holds, offered and
 * checked through {@link AccountNumbers} (the DID component implements it; this component never
 * calls it), or none for the account's default; call control checks it again at call time.
 */
@ApplicationScoped
public class ExtensionSettings {

  @Inject ExtensionAccess extensions;
  @Inject Extensions management;
  @Inject ExtensionPolicies policies;
  @Inject ContinuityDestinations continuity;
  @Inject Event<SipCredentialsChanged> credentialsChanged;
  @Inject @Any Instance<AccountNumbers> accountNumbers;

  /** The class of service of an extension in scope. */
  @Transactional
  public ClassOfService classOfService(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    return policies.classOfService(extension.getAccountId().value(), extension.getNumber());
  }

  /** The numbers an extension in scope may present as its caller ID: its account's DIDs. */
  @Transactional
  public List<E164Number> callerIdChoices(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    return held(extension.getAccountId().value());
  }

  /** The edit page's one use case with the caller ID ({@code null}: the account's default). */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void saveAll(
      long extensionId,
      String displayName,
      Long userId,
      int maxRegistrations,
      ClassOfService classOfService,
      String destination,
      E164Number callerId)
      throws ExtensionRefused {
    saveAll(extensionId, displayName, userId, maxRegistrations, classOfService, destination);
    changeCallerId(extensionId, callerId);
  }

  /**
   * The edit page's one use case with the caller ID and the ring timeout before the continuity
   * destination ({@code null}: the default), all or nothing.
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void saveAll(
      long extensionId,
      String displayName,
      Long userId,
      int maxRegistrations,
      ClassOfService classOfService,
      String destination,
      E164Number callerId,
      Integer ringSeconds)
      throws ExtensionRefused {
    ringTimeoutValid(ringSeconds);
    saveAll(
        extensionId, displayName, userId, maxRegistrations, classOfService, destination, callerId);
    changeRingTimeout(extensionId, ringSeconds);
  }

  /**
   * Sets how long the phones of an extension in scope ring before its calls go to the continuity
   * destination: {@value Extension#RING_MIN}–{@value Extension#RING_MAX} s, {@code null} for the
   * default.
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void changeRingTimeout(long extensionId, Integer ringSeconds) throws ExtensionRefused {
    ringTimeoutValid(ringSeconds);
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    if (Objects.equals(extension.getRingTimeoutSeconds(), ringSeconds)) {
      return;
    }
    extension.changeRingTimeout(ringSeconds);
    credentialsChanged.fire(
        new SipCredentialsChanged(
            extension.getRealm().value(), extension.getNumber().digits(), true));
    extensions.record(
        AuditAction.EXTENSION_CHANGED,
        extension,
        "ring timeout " + (ringSeconds == null ? "default" : ringSeconds + " s"));
  }

  private static void ringTimeoutValid(Integer ringSeconds) throws ExtensionRefused {
    if (ringSeconds != null
        && (ringSeconds < Extension.RING_MIN || ringSeconds > Extension.RING_MAX)) {
      throw new ExtensionRefused(Reason.RING_TIMEOUT_INVALID);
    }
  }

  /**
   * Sets the outbound caller ID of an extension in scope; refuses a number its account does not
   * hold ({@code null}: the account's default).
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void changeCallerId(long extensionId, E164Number callerId) throws ExtensionRefused {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    if (Objects.equals(extension.getOutboundCallerId(), callerId)) {
      return;
    }
    if (callerId != null && !held(extension.getAccountId().value()).contains(callerId)) {
      throw new ExtensionRefused(Reason.CALLER_ID_NOT_HELD);
    }
    extension.changeOutboundCallerId(callerId);
    credentialsChanged.fire(
        new SipCredentialsChanged(
            extension.getRealm().value(), extension.getNumber().digits(), true));
    extensions.record(
        AuditAction.EXTENSION_CHANGED,
        extension,
        "outbound caller ID " + (callerId == null ? "account default" : callerId.value()));
  }

  private List<E164Number> held(long accountId) {
    TreeSet<String> numbers = new TreeSet<>();
    accountNumbers.forEach(
        source -> source.numbersHeldBy(accountId).forEach(n -> numbers.add(n.value())));
    return numbers.stream().map(E164Number::new).toList();
  }

  /**
   * The edit page's one use case: name and user ({@link Extensions#edit}) and the settings below,
   * all or nothing.
   */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void saveAll(
      long extensionId,
      String displayName,
      Long userId,
      int maxRegistrations,
      ClassOfService classOfService,
      String destination)
      throws ExtensionRefused {
    extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    management.edit(extensionId, displayName, userId);
    save(extensionId, maxRegistrations, classOfService, destination);
  }

  /** Saves the three settings of an extension in scope; refuses a blocked destination. */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void save(
      long extensionId, int maxRegistrations, ClassOfService classOfService, String destination)
      throws ExtensionRefused {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    if (maxRegistrations < Extension.MIN_REGISTRATIONS
        || maxRegistrations > Extension.MAX_REGISTRATIONS) {
      throw new ExtensionRefused(Reason.MAX_REGISTRATIONS_INVALID);
    }
    String target =
        continuity.check(extension.getAccountId().value(), extension.getNumber(), destination);
    StringBuilder changes = new StringBuilder();
    if (extension.getMaxRegistrations() != maxRegistrations) {
      changes.append("max registrations ").append(maxRegistrations).append("; ");
      extension.changeMaxRegistrations(maxRegistrations);
      // the registrar applies the new limit from the next REGISTER, its phones stay registered
      credentialsChanged.fire(
          new SipCredentialsChanged(
              extension.getRealm().value(), extension.getNumber().digits(), true));
    }
    if (classOfService != null
        && classOfService
            != policies.classOfService(extension.getAccountId().value(), extension.getNumber())) {
      policies.changeClassOfService(
          extension.getAccountId().value(), extension.getNumber(), classOfService);
      changes.append("class of service ").append(classOfService).append("; ");
    }
    if (!Objects.equals(extension.getContinuityDestination(), target)) {
      extension.changeContinuityDestination(target);
      changes.append("continuity destination ").append(target == null ? "none" : "set");
      // call control reads the destination from its snapshot of the extensions
      credentialsChanged.fire(
          new SipCredentialsChanged(
              extension.getRealm().value(), extension.getNumber().digits(), true));
    }
    if (!changes.isEmpty()) {
      extensions.record(AuditAction.EXTENSION_CHANGED, extension, changes.toString());
    }
  }
}
