package io.dialtone.identity.boundary.users;

import io.dialtone.identity.control.UserStatus;
import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** One line of the users table: nothing secret, times in UTC. */
public record UserRow(
    long id,
    String email,
    String displayName,
    List<Role> roles,
    UserStatus status,
    boolean invitationOpen,
    OffsetDateTime lastSignIn)
    implements Serializable {

  static UserRow of(User user) {
    return new UserRow(
        user.getId(),
        user.getEmail(),
        user.getDisplayName(),
        user.getRoles().stream().sorted().toList(),
        user.getStatus(),
        user.getStatus() == UserStatus.PENDING && !user.hasPassword(),
        user.getLastSignInAt() == null ? null : user.getLastSignInAt().atOffset(ZoneOffset.UTC));
  }
}
