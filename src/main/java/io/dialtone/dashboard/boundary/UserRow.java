package io.dialtone.dashboard.boundary;

import io.dialtone.identity.control.UserStatus;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.entity.Role;
import java.time.Instant;
import java.util.List;

/** A user on the dashboard: profile or a line of an account's user list. */
public record UserRow(
    String email, String displayName, List<Role> roles, UserStatus status, Instant lastSignIn) {

  static UserRow of(UserSummary user) {
    return new UserRow(
        user.email(), user.displayName(), user.roles(), user.status(), user.lastSignInAt());
  }
}
