package io.dialtone.extension.control;

import io.dialtone.audit.control.AuditAction;
import io.dialtone.audit.control.AuditRecord;
import io.dialtone.audit.control.AuditResult;
import io.dialtone.audit.control.AuditTrail;
import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.control.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Voicemail PINs: a user sets their own extension's PIN (it must pass {@link PinPolicy}, history of
 * the last {@value PinPolicy#HISTORY} included); an administrator resets one to a random temporary
 * PIN, shown once, that must be changed at first use; the voicemail system checks entries with
 * {@link #verifyPin}: {@value #MAX_FAILURES} wrong in a row, across calls, lock the mailbox for
 * {@value #LOCK_MINUTES} minutes (audited); a right PIN resets the count. The voicemail system's
 * own lookup is {@link #verifyPin(long, String, String, String)}: account and mailbox number as
 * dialled, unknown mailboxes answered like wrong PINs, and a per-source limit ({@link
 * PinSourceGuard}) against spraying across mailboxes. PINs are stored as PBKDF2 hashes (the
 * password hasher), never plain, never logged.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class VoicemailPins {

  public static final int MAX_FAILURES = 5;
  public static final int LOCK_MINUTES = 30;
  static final int TEMPORARY_DIGITS = 8;

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject ExtensionAccess extensions;
  @Inject PinPolicy policy;
  @Inject PasswordHasher hasher;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject @Any Instance<RoutedNumbers> routedNumbers;
  @Inject PinSourceGuard sources;
  @Inject UnknownMailboxes unknownMailboxes;

  /** Sets the caller's own extension's PIN; the rules it breaks, empty when it was set. */
  @Transactional
  public List<PinViolation> setOwn(long extensionId, String pin) {
    Extension extension = extensions.own(extensionId, Permission.SET_OWN_VOICEMAIL_PIN);
    List<PinViolation> violations =
        policy.check(
            pin,
            extension.getNumber(),
            dids(extension),
            history(extension),
            (candidate, hash) -> hasher.verify(candidate.toCharArray(), hash));
    if (!violations.isEmpty()) {
      return violations;
    }
    store(extension, pin, false);
    extensions.record(AuditAction.VOICEMAIL_PIN_CHANGED, extension, "set by its user");
    return List.of();
  }

  /** Resets a PIN of an extension in scope; the temporary PIN, to show once. */
  @Transactional
  public String reset(long extensionId) {
    Extension extension = extensions.manageable(extensionId, Permission.RESET_VOICEMAIL_PIN);
    String temporary;
    do {
      temporary = randomDigits(TEMPORARY_DIGITS);
    } while (!policy
        .check(temporary, extension.getNumber(), dids(extension), List.of(), (p, h) -> false)
        .isEmpty());
    store(extension, temporary, true);
    extensions.record(
        AuditAction.VOICEMAIL_PIN_CHANGED, extension, "reset; must be changed at first use");
    return temporary;
  }

  /** {@link #verifyPin(long, String, Instant)} now. */
  @Transactional
  public PinCheck verifyPin(long extensionId, String pin) {
    return verifyPin(extensionId, pin, clock.instant());
  }

  /**
   * Checks a PIN entered on the voicemail system at {@code at}. For the voicemail system, not a
   * person: no permission; every answer but a right PIN looks the same to the caller.
   */
  @Transactional
  public PinCheck verifyPin(long extensionId, String pin, Instant at) {
    Extension extension = em.find(Extension.class, extensionId, LockModeType.PESSIMISTIC_WRITE);
    if (extension == null || !extension.isLive() || extension.getPinHash() == null) {
      burn(pin);
      return PinCheck.WRONG;
    }
    return check(extension, pin, at);
  }

  /** {@link #verifyPin(long, String, String, String, Instant)} now. */
  @Transactional
  public PinCheck verifyPin(long accountId, String mailbox, String pin, String source) {
    return verifyPin(accountId, mailbox, pin, source, clock.instant());
  }

  /**
   * Checks a PIN the voicemail system collected for mailbox {@code mailbox} (the extension number
   * as the caller dialled it) of account {@code accountId}, from caller {@code source} (the most
   * specific the voicemail system knows: the SIP source address, else the caller id), at {@code
   * at}. For the voicemail system, not a person: no permission.
   *
   * <ul>
   *   <li>{@link PinCheck#SOURCE_REFUSED} when {@code source} failed too often ({@link
   *       PinSourceGuard}); no PIN is checked then;
   *   <li>an unknown, disabled or PIN-less mailbox (or account) answers exactly as a live one with
   *       a wrong PIN, lock after {@value #MAX_FAILURES} included ({@link UnknownMailboxes}), and
   *       costs the same hash: nothing tells which mailboxes exist;
   *   <li>otherwise as {@link #verifyPin(long, String, Instant)}: {@value #MAX_FAILURES} wrong in a
   *       row lock the mailbox {@value #LOCK_MINUTES} minutes, audited.
   * </ul>
   *
   * Every WRONG or LOCKED answer counts against {@code source}; the check that makes it refused is
   * audited ({@code VOICEMAIL_PIN_SOURCE_REFUSED}).
   */
  @Transactional
  public PinCheck verifyPin(long accountId, String mailbox, String pin, String source, Instant at) {
    if (sources.refused(source, at)) {
      return PinCheck.SOURCE_REFUSED;
    }
    PinCheck answer =
        mailbox(accountId, mailbox)
            .map(extension -> check(extension, pin, at))
            .orElseGet(() -> unknown(accountId, mailbox, pin, at));
    if ((answer == PinCheck.WRONG || answer == PinCheck.LOCKED) && sources.failed(source, at)) {
      PinSourceRules rules = sources.rules();
      audit.record(
          AuditRecord.builder(AuditAction.VOICEMAIL_PIN_SOURCE_REFUSED, AuditResult.DENIED)
              .actor("voicemail")
              .target("voicemail source")
              .detail(
                  "source="
                      + PinSourceGuard.key(source)
                      + "; "
                      + rules.failures()
                      + " failed PIN checks in "
                      + rules.window().toMinutes()
                      + " min; refused "
                      + rules.refuseFor().toMinutes()
                      + " min")
              .build());
    }
    return answer;
  }

  /** The live, enabled extension {@code mailbox} of the account, with a PIN, locked for update. */
  private java.util.Optional<Extension> mailbox(long accountId, String mailbox) {
    String digits = mailbox == null ? "" : mailbox.strip();
    if (accountId <= 0 || !ExtensionNumber.isValid(digits)) {
      return java.util.Optional.empty();
    }
    return em.createNamedQuery(Extension.FIND_LIVE_BY_NUMBER, Extension.class)
        .setParameter("accountId", AccountId.of(accountId))
        .setParameter("number", new ExtensionNumber(digits))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(e -> e.getStatus() == ExtensionStatus.ACTIVE && e.getPinHash() != null)
        .findFirst();
  }

  /** A mailbox that cannot check a PIN: the same answers and cost as a wrong PIN. */
  private PinCheck unknown(long accountId, String mailbox, String pin, Instant at) {
    if (unknownMailboxes.locked(accountId, mailbox, at)) {
      return PinCheck.LOCKED;
    }
    burn(pin);
    if (unknownMailboxes.failed(
        accountId, mailbox, MAX_FAILURES, at, at.plus(Duration.ofMinutes(LOCK_MINUTES)))) {
      audit.record(
          AuditRecord.builder(AuditAction.VOICEMAIL_PIN_LOCKED, AuditResult.FAILURE)
              .actor("voicemail")
              .target(
                  "account:"
                      + accountId
                      + " mailbox "
                      + UnknownMailboxes.shown(mailbox)
                      + " (no such mailbox)")
              .detail(MAX_FAILURES + " wrong PINs in a row; locked " + LOCK_MINUTES + " min")
              .build());
      return PinCheck.LOCKED;
    }
    return PinCheck.WRONG;
  }

  private PinCheck check(Extension extension, String pin, Instant at) {
    if (extension.isPinLockedAt(at)) {
      return PinCheck.LOCKED;
    }
    if (pin != null && hasher.verify(pin.toCharArray(), extension.getPinHash())) {
      extension.recordPinSuccess();
      return extension.isPinMustChange() ? PinCheck.ACCEPTED_MUST_CHANGE : PinCheck.ACCEPTED;
    }
    if (extension.recordPinFailure(MAX_FAILURES, at.plus(Duration.ofMinutes(LOCK_MINUTES)))) {
      audit.record(
          AuditRecord.builder(AuditAction.VOICEMAIL_PIN_LOCKED, AuditResult.FAILURE)
              .actor("voicemail")
              .target(
                  ExtensionAccess.target(extension.getId()) + " (" + extension.getNumber() + ")")
              .account(extension.getAccountId().value())
              .detail(MAX_FAILURES + " wrong PINs in a row; locked " + LOCK_MINUTES + " min")
              .build());
      return PinCheck.LOCKED;
    }
    return PinCheck.WRONG;
  }

  private void burn(String pin) {
    hasher.burnDummyVerification(pin == null ? new char[0] : pin.toCharArray());
  }

  private void store(Extension extension, String pin, boolean mustChange) {
    String hash = hasher.hash(pin.toCharArray());
    extension.replacePin(hash, mustChange);
    em.createNativeQuery(
            "INSERT INTO voicemail_pin_history (extension_id, pin_hash, created_at) VALUES (?1, ?2, ?3)")
        .setParameter(1, extension.getId())
        .setParameter(2, hash)
        .setParameter(3, java.sql.Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** The DIDs routed to {@code extension}, from every {@link RoutedNumbers} deployed (or none). */
  private List<String> dids(Extension extension) {
    return StreamSupport.stream(routedNumbers.spliterator(), false)
        .flatMap(numbers -> numbers.numbersRoutedTo(extension.getId()).stream())
        .map(E164Number::value)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> history(Extension extension) {
    return em.createNativeQuery(
            "SELECT pin_hash FROM voicemail_pin_history WHERE extension_id = ?1 ORDER BY id DESC LIMIT ?2")
        .setParameter(1, extension.getId())
        .setParameter(2, PinPolicy.HISTORY)
        .getResultList();
  }

  private static String randomDigits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (byte b : SecureTokens.randomBytes(count * 2)) {
      int value = b & 0xff;
      if (value < 250 && digits.length() < count) {
        digits.append(value % 10);
      }
    }
    return digits.length() == count ? digits.toString() : randomDigits(count);
  }
}
