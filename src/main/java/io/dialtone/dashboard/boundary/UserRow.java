package io.dialtone.dashboard.boundary;

import io.dialtone.identity.control.UserStatus;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.entity.Role;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A user on the dashboard: profile or a line of an account's user list; its last sign-in as UTC
 * wall-clock time (see {@link EventRow}).
 */
public record UserRow(
    String email,
    String displayName,
    List<Role> roles,
    UserStatus status,
    LocalDateTime lastSignIn) {

  static UserRow of(UserSummary user) {
    return new UserRow(
        user.email(),
        user.displayName(),
        user.roles(),
        user.status(),
        user.lastSignInAt() == null
            ? null
            : LocalDateTime.ofInstant(user.lastSignInAt(), ZoneOffset.UTC));
  }
}
