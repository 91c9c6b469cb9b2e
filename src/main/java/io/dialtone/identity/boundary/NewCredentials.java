package io.dialtone.identity.boundary;

import io.dialtone.identity.control.PasswordHasher;
import io.dialtone.identity.control.PasswordPolicy;
import io.dialtone.identity.control.PasswordViolation;
import io.dialtone.identity.control.QrCodes;
import io.dialtone.identity.control.RecoveryCodes;
import io.dialtone.identity.control.SetupLinks.EnrolledCredentials;
import io.dialtone.identity.control.TotpCodes;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.control.DataCipher;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The credentials a sign-up wizard (first-run setup, invitation, MFA re-enrolment) gathers before
 * anything is stored: the hashed password, the new TOTP secret with its QR code, and, once the
 * authenticator proved itself, the recovery codes to show once. Lives in the wizard's server-side
 * view state; never holds a plain password.
 */
public final class NewCredentials implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ISSUER = "Dialtone";
  private static final int QR_SIZE = 240;

  private String passwordHash;
  private String totpSecret;
  private String qrDataUri;
  private List<String> recoveryCodes = List.of();

  /**
   * Hashes the new password of {@code form} when its confirmation matches and the policy accepts it
   * for {@code email}; otherwise adds the reasons as global messages.
   */
  boolean choosePassword(
      CredentialForm form, String email, PasswordPolicy policy, PasswordHasher hasher) {
    if (!form.newPasswordConfirmed()) {
      return false;
    }
    String password = form.getNewPassword();
    List<PasswordViolation> violations = policy.check(password, email);
    if (!violations.isEmpty()) {
      violations.forEach(v -> Messages.addGlobalError(v.messageKey()));
      return false;
    }
    passwordHash = hasher.hash(password.toCharArray());
    return true;
  }

  /** A new TOTP secret for {@code email} and its QR code. */
  void startTotp(TotpCodes totp, String email) {
    totpSecret = TotpCodes.newSecret();
    qrDataUri = QrCodes.pngDataUri(totp.otpauthUri(ISSUER, email, totpSecret), QR_SIZE);
  }

  /** The step {@code code} proves for the new secret, or empty with a global message. */
  OptionalLong accept(TotpCodes totp, String code, Instant now) {
    OptionalLong accepted = totp.acceptedStep(totpSecret, code, now);
    if (accepted.isEmpty()) {
      Messages.addGlobalError("setup.totpWrong");
    }
    return accepted;
  }

  /**
   * What to store for {@code email}: the hash, the encrypted secret, the step used and the hashes
   * of fresh recovery codes, which {@link #getRecoveryCodes()} then shows.
   */
  EnrolledCredentials enrolled(
      String email, String displayName, long acceptedStep, DataCipher cipher) {
    recoveryCodes = RecoveryCodes.generate();
    return new EnrolledCredentials(
        email,
        displayName,
        passwordHash,
        cipher.encrypt(totpSecret),
        acceptedStep,
        recoveryCodes.stream().map(RecoveryCodes::hash).toList());
  }

  /** Forgets the hash and the secret once stored or refused; keeps the codes to show. */
  void forgetSecrets() {
    passwordHash = null;
    totpSecret = null;
    qrDataUri = null;
  }

  /** Forgets the recovery codes too: storing them failed. */
  void forgetAll() {
    forgetSecrets();
    recoveryCodes = List.of();
  }

  /** The secret in Base32, for people who type it instead of scanning the QR code. */
  public String getTotpSecret() {
    return totpSecret;
  }

  public String getQrDataUri() {
    return qrDataUri;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }
}
