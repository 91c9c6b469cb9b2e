package io.dialtone.identity.entity;

import io.dialtone.identity.control.UserStatus;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person who signs in to Dialtone. The password is stored as a PBKDF2 hash, the TOTP secret as
 * AES-GCM ciphertext; counters that must change atomically (failures, last TOTP step) are updated
 * with conditional bulk updates by the controls, never read-modify-written here.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.FIND_BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(
    name = User.LIST_BY_ACCOUNT,
    query = "SELECT u FROM User u WHERE u.accountId = :accountId ORDER BY u.email")
@NamedQuery(
    name = User.COUNT_ACTIVE_WITH_ROLE,
    query = "SELECT COUNT(u) FROM User u JOIN u.roles r WHERE r = :role AND u.status = :status")
@NamedQuery(
    name = User.CHOOSE_LANGUAGE,
    query = "UPDATE User u SET u.language = :language WHERE u.id = :id")
@NamedQuery(
    name = User.CHOOSE_TIME_ZONE,
    query = "UPDATE User u SET u.timeZone = :zone WHERE u.id = :id")
public class User {

  public static final String CHOOSE_LANGUAGE = "User.chooseLanguage";
  public static final String CHOOSE_TIME_ZONE = "User.chooseTimeZone";
  public static final String FIND_BY_EMAIL = "User.findByEmail";
  public static final String COUNT_ACTIVE_WITH_ROLE = "User.countActiveWithRole";
  public static final String LIST_BY_ACCOUNT = "User.listByAccount";
  public static final int EMAIL_MAX = 254;
  public static final int NAME_MAX = 120;

  /** An ISO 639 language code such as {@code fr}: the language the user chose. */
  public static final String LANGUAGE_PATTERN = "[a-z]{2}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @NotBlank
  @Email
  @Size(max = EMAIL_MAX)
  @Column(nullable = false, length = EMAIL_MAX)
  private String email;

  @Size(max = NAME_MAX)
  @Column(name = "display_name", length = NAME_MAX)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private UserStatus status;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "totp_secret")
  private String totpSecretCiphertext;

  @Column(name = "totp_last_step")
  private Long totpLastStep;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 32)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "session_epoch", nullable = false)
  private long sessionEpoch;

  /** The language the user's pages and e-mails use; {@code null} until one is chosen. */
  @Pattern(regexp = LANGUAGE_PATTERN)
  @Column(name = "locale", length = 8)
  private String language;

  /** The zone the user's pages show times in; {@code null}: their account's. */
  @Column(name = "time_zone", length = 64)
  private String timeZone;

  @Version private long version;

  protected User() {}

  /** A user who has set a password and enrolled TOTP, ready to sign in. */
  public static User enrolled(
      long accountId,
      String email,
      String displayName,
      String passwordHash,
      String totpSecretCiphertext,
      long acceptedStep,
      Set<Role> roles,
      Instant now) {
    User user = new User();
    user.accountId = accountId;
    user.email = normalizeEmail(email);
    user.displayName = displayName;
    user.status = UserStatus.ACTIVE;
    user.passwordHash = Objects.requireNonNull(passwordHash);
    user.totpSecretCiphertext = Objects.requireNonNull(totpSecretCiphertext);
    user.totpLastStep = acceptedStep;
    user.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    user.createdAt = now;
    return user;
  }

  /** An invited user: no password, no second factor, PENDING until they enrol from the link. */
  public static User invited(
      long accountId, String email, String displayName, Set<Role> roles, Instant now) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    User user = new User();
    user.accountId = accountId;
    user.email = normalizeEmail(email);
    user.displayName = displayName;
    user.status = UserStatus.PENDING;
    user.roles = EnumSet.copyOf(roles);
    user.createdAt = now;
    return user;
  }

  /** E-mail addresses are compared case-insensitively: stored trimmed and lower-case. */
  public static String normalizeEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public void replacePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  /** The invitee set a password and enrolled TOTP: the user may sign in from now on. */
  public void completeEnrolment(
      String displayName, String passwordHash, String totpSecretCiphertext, long acceptedStep) {
    if (status != UserStatus.PENDING || this.passwordHash != null) {
      throw new IllegalStateException("user " + id + " is not an open invitation");
    }
    this.displayName = displayName;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    replaceSecondFactor(totpSecretCiphertext, acceptedStep);
  }

  /** A new authenticator after an MFA reset (or a re-enrolment): the user is active again. */
  public void replaceSecondFactor(String totpSecretCiphertext, long acceptedStep) {
    if (status == UserStatus.DISABLED) {
      throw new IllegalStateException("user " + id + " is disabled");
    }
    this.totpSecretCiphertext = Objects.requireNonNull(totpSecretCiphertext);
    this.totpLastStep = acceptedStep;
    this.status = UserStatus.ACTIVE;
    endSessions();
  }

  /**
   * An administrator reset the second factor: the secret is gone, the user is PENDING (cannot sign
   * in) until they enrol a new authenticator from the mailed link, and every session ends.
   */
  public void resetSecondFactor() {
    this.totpSecretCiphertext = null;
    this.totpLastStep = null;
    if (status == UserStatus.ACTIVE) {
      status = UserStatus.PENDING;
    }
    endSessions();
  }

  /** Disables the user (A8, C5): no more sign-ins, and every session ends at its next request. */
  public void disable() {
    status = UserStatus.DISABLED;
    endSessions();
  }

  /** Back from DISABLED: ACTIVE if enrolled, else PENDING (the enrolment is still to be done). */
  public void enable() {
    status =
        passwordHash != null && totpSecretCiphertext != null
            ? UserStatus.ACTIVE
            : UserStatus.PENDING;
    failedAttempts = 0;
    lockedUntil = null;
  }

  /** New roles (at least one); the user's sessions end so that no session keeps the old ones. */
  public void changeRoles(Set<Role> newRoles) {
    if (newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    roles = EnumSet.copyOf(newRoles);
    endSessions();
  }

  public void rename(String newDisplayName) {
    this.displayName = newDisplayName;
  }

  /** Whether the user finished enrolment at least up to a password (an accepted invitation). */
  /** From now on the user's pages (at each sign-in) and e-mails are in {@code code}. */
  public void chooseLanguage(String code) {
    if (code == null || !code.matches(LANGUAGE_PATTERN)) {
      throw new IllegalArgumentException("not a language code: " + code);
    }
    this.language = code;
  }

  /** The language the user chose (or was invited in), if any. */
  public Optional<String> getLanguage() {
    return Optional.ofNullable(language);
  }

  public Optional<String> getTimeZone() {
    return Optional.ofNullable(timeZone);
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  /** Ends every session this user signed in to before now (C5): they no longer match. */
  public void endSessions() {
    sessionEpoch++;
  }

  /** The user's confirmed new address (already checked as free and well-formed by the caller). */
  public void changeEmail(String newEmail) {
    this.email = normalizeEmail(Objects.requireNonNull(newEmail));
  }

  /**
   * A new authenticator: its encrypted secret and the step its confirming code used (B3: that step
   * cannot sign in again).
   */
  public void replaceTotpSecret(String newCiphertext, long acceptedStep) {
    this.totpSecretCiphertext = Objects.requireNonNull(newCiphertext);
    this.totpLastStep = acceptedStep;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getSessionEpoch() {
    return sessionEpoch;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public UserStatus getStatus() {
    return status;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getTotpSecretCiphertext() {
    return totpSecretCiphertext;
  }

  public Long getTotpLastStep() {
    return totpLastStep;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }

  public Set<Role> getRoles() {
    return Set.copyOf(roles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }

  /** This user as the caller of a session whose second factor completed at {@code now}. */
  public SignedInUser signedInAt(Instant now) {
    return new SignedInUser(
        getId(),
        getEmail(),
        getDisplayName(),
        getAccountId(),
        getRoles(),
        now,
        getSessionEpoch(),
        null);
  }
}
