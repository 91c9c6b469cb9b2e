package io.dialtone.identity.control;

import io.dialtone.identity.entity.Role;
import io.dialtone.identity.entity.User;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in to a session, after both factors. Kept in the HTTP session; holds no secret.
 *
 * @param authenticatedAt when MFA completed, for the 12-hour absolute session limit
 */
public record SignedInUser(
    long userId,
    String email,
    String displayName,
    long accountId,
    Set<Role> roles,
    Instant authenticatedAt)
    implements Serializable {

  /** The HTTP session attribute holding the signed-in user. */
  public static final String SESSION_ATTRIBUTE = "dialtone.signedIn";

  /** The user signed in to {@code session}, if any. */
  public static Optional<SignedInUser> in(HttpSession session) {
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SignedInUser) session.getAttribute(SESSION_ATTRIBUTE));
  }

  public static SignedInUser of(User user, Instant now) {
    return new SignedInUser(
        user.getId(),
        user.getEmail(),
        user.getDisplayName(),
        user.getAccountId(),
        user.getRoles(),
        now);
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
