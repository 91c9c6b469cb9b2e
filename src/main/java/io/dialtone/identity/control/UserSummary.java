package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.kernel.entity.Role;
import java.time.Instant;
import java.util.List;

/**
 * What a page may show of a user: no password hash, no TOTP secret, no counters.
 *
 * @param roles sorted in the order of {@link Role}
 * @param lastSignInAt {@code null} if the user never signed in
 */
public record UserSummary(
    long id,
    long accountId,
    String email,
    String displayName,
    List<Role> roles,
    UserStatus status,
    Instant lastSignInAt) {

  public static UserSummary of(User user) {
    return new UserSummary(
        user.getId(),
        user.getAccountId(),
        user.getEmail(),
        user.getDisplayName(),
        user.getRoles().stream().sorted().toList(),
        user.getStatus(),
        user.getLastSignInAt());
  }
}
