package io.dialtone.identity.control;

import io.dialtone.identity.entity.Role;
import io.dialtone.identity.entity.User;
import java.io.Serializable;
import java.time.Instant;
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
