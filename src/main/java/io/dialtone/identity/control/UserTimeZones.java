package io.dialtone.identity.control;

import io.dialtone.identity.entity.User;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The time zone each user chose for their pages ({@code app_user.time_zone}); without one their
 * pages use their account's zone. Only the signed-in user chooses their own, and not while support
 * acts for their account (the agent is not the user).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class UserTimeZones {

  /**
   * Region zones people pick from ("America/Toronto"), not aliases such as "EST" or "Etc/GMT+5".
   */
  private static final Pattern REGION =
      Pattern.compile(
          "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+");

  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> REGION.matcher(z).matches())
          .sorted()
          .toList();

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject AccessControl access;

  /** The zones a user may choose, by name. */
  public List<String> choices() {
    return ZONES;
  }

  /** The zone {@code userId} chose; empty when they use their account's. */
  public Optional<String> of(long userId) {
    return Optional.ofNullable(em.find(User.class, userId)).flatMap(User::getTimeZone);
  }

  /**
   * From now on the caller's pages show times in {@code zone}; {@code null} or blank: in their
   * account's zone again.
   *
   * @throws IllegalArgumentException when {@code zone} is not one of {@link #choices()}
   */
  public void choose(String zone) {
    SignedInUser caller = access.require(Permission.VIEW_OWN_PROFILE);
    if (caller.isImpersonating()) {
      throw access.refuse("user:" + caller.userId(), "support may not change the user's zone");
    }
    String chosen = zone == null || zone.isBlank() ? null : zone.strip();
    if (chosen != null && !ZONES.contains(chosen)) {
      throw new IllegalArgumentException("not a time zone: " + zone);
    }
    em.createNamedQuery(User.CHOOSE_TIME_ZONE)
        .setParameter("zone", chosen)
        .setParameter("id", caller.userId())
        .executeUpdate();
  }
}
