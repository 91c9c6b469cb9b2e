package io.dialtone.extension.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.audit.control.AuditAction;
import io.dialtone.callpolicy.control.ExtensionPolicies;
import io.dialtone.extension.control.ExtensionRefused.Reason;
import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.identity.control.StepUp;
import io.dialtone.identity.control.StepUpRequired;
import io.dialtone.identity.control.UserDirectory;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.sip.control.SipCredentialsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Extensions of a customer account, one transaction per use case: list, create (with its SIP
 * secret, shown once), rename and assign, disable, enable, delete, regenerate the secret (step-up,
 * audited, mailed, the old secret stops working at commit). Every id comes from a request and is
 * checked ({@link ExtensionAccess}); creating and regenerating show a secret, so they also need
 * {@code REVEAL_SIP_SECRET}, withheld from impersonating agents.
 *
 * <p>Delete is soft: the row stays (audit rows and call records name it), its number is free for a
 * new extension at once, its HA1 values and PIN are wiped and its call-policy row is removed.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class Extensions {

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;
  @Inject ExtensionAccess extensions;
  @Inject AccountTree accounts;
  @Inject UserDirectory users;
  @Inject CredentialIssuer issuer;
  @Inject ExtensionPolicies policies;
  @Inject ExtensionNotices notices;
  @Inject StepUp stepUp;
  @Inject Event<SipCredentialsChanged> credentialsChanged;
  @Inject Event<ExtensionDeleted> deleted;
  @Inject Clock clock;

  /** Days without registration or call after which an extension is flagged unused. */
  public static final String UNUSED_DAYS = "dialtone.extensions.unused-days";

  @Inject
  @ConfigProperty(name = UNUSED_DAYS, defaultValue = "30")
  int unusedDays;

  /** How many days without use flag an extension in the list. */
  public int unusedDays() {
    return unusedDays;
  }

  /** Whether {@code extension} has been unused for {@link #unusedDays()} days now. */
  public boolean isUnused(Extension extension) {
    return extension.isUnusedAt(clock.instant(), unusedDays);
  }

  /** The live extensions of a customer account in scope, by number. */
  @Transactional
  public List<Extension> list(long accountId) {
    customerAccount(accountId, Permission.MANAGE_EXTENSIONS);
    return em.createNamedQuery(Extension.LIST_BY_ACCOUNT, Extension.class)
        .setParameter("accountId", AccountId.of(accountId))
        .getResultList();
  }

  /** {@link #list} as choices for other components. */
  @Transactional
  public List<ExtensionChoice> choices(long accountId) {
    return list(accountId).stream().map(ExtensionChoice::of).toList();
  }

  /** The live extensions assigned to the caller. */
  @Transactional
  public List<Extension> mine() {
    SignedInUser caller = access.require(Permission.VIEW_OWN_EXTENSION);
    return em.createNamedQuery(Extension.LIST_BY_USER, Extension.class)
        .setParameter("userId", caller.userId())
        .getResultList();
  }

  /** {@link #mine} in one account, as choices for other components (the caller's own CDRs). */
  @Transactional
  public List<ExtensionChoice> mineIn(long accountId) {
    return mine().stream()
        .filter(e -> e.getAccountId().value() == accountId)
        .map(ExtensionChoice::of)
        .toList();
  }

  /** A live extension of an account in scope. */
  @Transactional
  public Extension get(long extensionId) {
    return extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
  }

  /** The users an extension of {@code accountId} may be assigned to. */
  @Transactional
  public List<UserSummary> assignableUsers(long accountId) {
    customerAccount(accountId, Permission.MANAGE_EXTENSIONS);
    return users.ofAccount(accountId);
  }

  /** Creates an extension with a fresh SIP secret, returned for showing once. */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public NewSipSecret create(
      long accountId, String number, String displayName, ExtensionType type, Long userId)
      throws ExtensionRefused {
    customerAccount(accountId, Permission.MANAGE_EXTENSIONS);
    customerAccount(accountId, Permission.REVEAL_SIP_SECRET);
    ExtensionNumber checked = checkNew(accountId, number, displayName, type);
    checkUser(accountId, userId);
    Extension extension =
        Extension.create(
            AccountId.of(accountId),
            checked,
            displayName,
            type,
            userId,
            issuer.realmOf(accountId),
            clock.instant());
    NewSipSecret issued = issuer.issue(extension, clock.instant());
    em.persist(extension);
    em.flush();
    NewSipSecret secret =
        new NewSipSecret(extension.getId(), issued.number(), issued.realm(), issued.secret());
    policies.create(accountId, checked, type);
    credentialsChanged.fire(new SipCredentialsChanged(issued.realm(), issued.number()));
    extensions.record(
        AuditAction.EXTENSION_CREATED,
        extension,
        "type " + type + (userId == null ? "" : ", user:" + userId) + "; SIP secret generated");
    return secret;
  }

  /**
   * Checks a new extension's number, name and type; {@link ExtensionRefused} names the first rule
   * broken. Used by the bulk import too.
   */
  public ExtensionNumber checkNew(
      long accountId, String number, String displayName, ExtensionType type)
      throws ExtensionRefused {
    Reason refusal = ExtensionNumbers.refusal(number).orElse(null);
    if (refusal != null) {
      throw new ExtensionRefused(refusal);
    }
    checkName(displayName);
    if (type == null) {
      throw new ExtensionRefused(Reason.TYPE_INVALID);
    }
    ExtensionNumber checked = new ExtensionNumber(number.strip());
    if (!em.createNamedQuery(Extension.FIND_LIVE_BY_NUMBER, Extension.class)
        .setParameter("accountId", AccountId.of(accountId))
        .setParameter("number", checked)
        .getResultList()
        .isEmpty()) {
      throw new ExtensionRefused(Reason.NUMBER_TAKEN);
    }
    return checked;
  }

  /** Renames an extension and assigns it to a user of its account (or to none). */
  @Transactional(rollbackOn = ExtensionRefused.class)
  public void edit(long extensionId, String displayName, Long userId) throws ExtensionRefused {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    checkName(displayName);
    checkUser(extension.getAccountId().value(), userId);
    boolean renamed = !extension.getDisplayName().equals(displayName.strip());
    boolean reassigned = !Objects.equals(extension.getAssignedUserId(), userId);
    if (!renamed && !reassigned) {
      return;
    }
    extension.rename(displayName);
    extension.assignTo(userId);
    extensions.record(
        AuditAction.EXTENSION_CHANGED,
        extension,
        (renamed ? "renamed; " : "") + (reassigned ? "assigned to user:" + userId : ""));
  }

  /** Disables an extension: its phones are refused at once. False when already disabled. */
  @Transactional
  public boolean disable(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    if (extension.getStatus() == ExtensionStatus.DISABLED) {
      return false;
    }
    extension.disable();
    changed(extension, "ACTIVE -> DISABLED");
    return true;
  }

  /** Enables a disabled extension again. False when not disabled. */
  @Transactional
  public boolean enable(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    if (extension.getStatus() != ExtensionStatus.DISABLED) {
      return false;
    }
    extension.enable();
    changed(extension, "DISABLED -> ACTIVE");
    return true;
  }

  /** Deletes an extension (soft: see the class comment). */
  @Transactional
  public void delete(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.MANAGE_EXTENSIONS);
    String realm = extension.getRealm().value();
    extension.delete(clock.instant());
    policies.remove(extension.getAccountId().value(), extension.getNumber());
    credentialsChanged.fire(new SipCredentialsChanged(realm, extension.getNumber().digits()));
    extensions.record(AuditAction.EXTENSION_DELETED, extension, "number freed, credential wiped");
    deleted.fire(
        new ExtensionDeleted(
            extension.getAccountId().value(), extensionId, extension.getNumber().digits()));
  }

  /**
   * Replaces an extension's SIP secret; needs a recent step-up (C6). Mails a notice (A9); the old
   * secret stops working when this commits.
   */
  @Transactional
  public NewSipSecret regenerateSecret(long extensionId) throws StepUpRequired {
    Extension extension =
        extensions.manageable(
            extensionId, Permission.MANAGE_EXTENSIONS, Permission.REVEAL_SIP_SECRET);
    stepUp.requireRecent();
    NewSipSecret secret = issuer.issue(extension, clock.instant());
    credentialsChanged.fire(
        new SipCredentialsChanged(extension.getRealm().value(), extension.getNumber().digits()));
    notices.secretChanged(extension, extensions.sourceIp());
    extensions.record(AuditAction.SIP_SECRET_REGENERATED, extension, "old secret void");
    return secret;
  }

  /** Refuses unless {@code accountId} is a customer account in scope for {@code permission}. */
  public AccountView customerAccount(long accountId, Permission permission) {
    access.requireInScope(permission, accountId);
    AccountView account =
        accounts.find(accountId).orElseThrow(() -> access.refuse("account:" + accountId, "none"));
    if (account.kind() != AccountKind.CUSTOMER) {
      throw access.refuse("account:" + accountId, "extensions of a " + account.kind());
    }
    return account;
  }

  private void changed(Extension extension, String detail) {
    credentialsChanged.fire(
        new SipCredentialsChanged(extension.getRealm().value(), extension.getNumber().digits()));
    extensions.record(AuditAction.EXTENSION_STATUS_CHANGED, extension, detail);
  }

  private static void checkName(String displayName) throws ExtensionRefused {
    if (displayName == null
        || displayName.isBlank()
        || displayName.strip().length() > Extension.NAME_MAX) {
      throw new ExtensionRefused(Reason.NAME_INVALID);
    }
  }

  private void checkUser(long accountId, Long userId) throws ExtensionRefused {
    if (userId == null) {
      return;
    }
    if (users.find(userId).filter(user -> user.accountId() == accountId).isEmpty()) {
      throw new ExtensionRefused(Reason.USER_NOT_IN_ACCOUNT);
    }
  }
}
