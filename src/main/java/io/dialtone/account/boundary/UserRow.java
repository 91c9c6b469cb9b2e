package io.dialtone.account.boundary;

import io.dialtone.identity.control.UserSummary;
import io.dialtone.identity.entity.Role;
import io.dialtone.identity.entity.UserStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A user on the dashboard: profile or a line of an account's user list; times in UTC. */
public record UserRow(
    String email,
    String displayName,
    List<Role> roles,
    UserStatus status,
    OffsetDateTime lastSignIn) {

  static UserRow of(UserSummary user) {
    return new UserRow(
        user.email(),
        user.displayName(),
        user.roles(),
        user.status(),
        user.lastSignInAt() == null ? null : user.lastSignInAt().atOffset(ZoneOffset.UTC));
  }
}
