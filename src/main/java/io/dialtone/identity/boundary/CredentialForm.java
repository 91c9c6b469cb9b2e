package io.dialtone.identity.boundary;

import io.dialtone.platform.boundary.Messages;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What a page that sets or proves a credential reads from its form ({@code <dt:credentials>}): the
 * current password, a new password with its confirmation, an authenticator code. A backing bean
 * holds one, passes the values to its control and calls {@link #clear()} when the action is done,
 * whatever its outcome, so no secret outlives the request that carried it (or stays in a view
 * state). Each page uses only the fields its tag shows; Faces validates only those.
 */
public final class CredentialForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Longest password read at all; the policy rejects anything above 128 characters cleanly. */
  public static final int PASSWORD_MAX = 1024;

  /** Longest authenticator code read (six digits, spaces allowed). */
  public static final int CODE_MAX = 16;

  @NotBlank
  @Size(max = PASSWORD_MAX)
  private String currentPassword;

  @NotBlank
  @Size(max = PASSWORD_MAX)
  private String newPassword;

  @NotBlank
  @Size(max = PASSWORD_MAX)
  private String confirmation;

  @NotBlank
  @Size(max = CODE_MAX)
  private String code;

  /**
   * Whether the new password and its confirmation are the same; if not, says so in a global
   * message.
   */
  public boolean newPasswordConfirmed() {
    if (newPassword != null && newPassword.equals(confirmation)) {
      return true;
    }
    Messages.addGlobalError("credentials.mismatch");
    return false;
  }

  /** Forgets every value typed. */
  public void clear() {
    currentPassword = null;
    newPassword = null;
    confirmation = null;
    code = null;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
