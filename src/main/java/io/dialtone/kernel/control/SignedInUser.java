package io.dialtone.kernel.control;

import io.dialtone.kernel.entity.Permission;
import io.dialtone.kernel.entity.Role;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in to a session, after both factors. Kept in the HTTP session; holds no secret.
 *
 * @param authenticatedAt when MFA completed, for the 12-hour absolute session limit
 * @param sessionEpoch the user's session epoch at sign-in: disabling the user, resetting their MFA
 *     or changing their password moves it on, which ends every session signed in before
 * @param impersonation set while an agent acts as a customer administrator, else {@code null}
 */
public record SignedInUser(
    long userId,
    String email,
    String displayName,
    long accountId,
    Set<Role> roles,
    Instant authenticatedAt,
    long sessionEpoch,
    Impersonation impersonation)
    implements Serializable {

  /** The HTTP session attribute holding the signed-in user. */
  public static final String SESSION_ATTRIBUTE = "dialtone.signedIn";

  private static final Set<Permission> WITHHELD_WHILE_IMPERSONATING =
      EnumSet.of(
          Permission.MANAGE_OWN_CREDENTIALS,
          Permission.RESET_USER_MFA,
          Permission.REVEAL_SIP_SECRET,
          Permission.SET_OWN_VOICEMAIL_PIN,
          Permission.RESET_VOICEMAIL_PIN);

  /** The user signed in to {@code session}, if any. */
  public static Optional<SignedInUser> in(HttpSession session) {
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SignedInUser) session.getAttribute(SESSION_ATTRIBUTE));
  }

  /** The same person, signed in to a session of the user's new epoch (after own changes). */
  public SignedInUser withSessionEpoch(long epoch) {
    return new SignedInUser(
        userId, email, displayName, accountId, roles, authenticatedAt, epoch, impersonation);
  }

  public boolean isImpersonating() {
    return impersonation != null;
  }

  /**
   * What this caller may do: their roles' permissions, without those touching credentials and
   * secrets (own credentials, another user's MFA, SIP secrets, voicemail PINs) while impersonating.
   */
  public Set<Permission> permissions() {
    Set<Permission> granted = RolePermissions.of(roles);
    if (isImpersonating()) {
      granted.removeAll(WITHHELD_WHILE_IMPERSONATING);
    }
    return granted;
  }

  /** The customer account an impersonating agent acts for, as audit rows name it. */
  public String onBehalfOf() {
    return isImpersonating() ? "account:" + accountId : null;
  }

  /** How this user appears as the actor of audit events. */
  public String actor() {
    return actorOf(userId);
  }

  public static String actorOf(long userId) {
    return "user:" + userId;
  }

  public Set<String> groups() {
    return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
  }
}
