package io.dialtone.trunk.control;

import io.dialtone.platform.control.DataCipher;
import io.dialtone.trunk.entity.Trunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the enabled trunks for the directory, decrypting their passwords. Starts no transaction
 * (STYLE.md 5): it reads in its caller's, or without one when call control asks outside any.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = RuntimeException.class)
public class StoredTrunks implements TrunkSource {

  private static final Logger LOG = Logger.getLogger(StoredTrunks.class.getName());

  @PersistenceContext(unitName = "dialtone")
  EntityManager em;

  @Inject DataCipher cipher;

  @Override
  public List<DirectoryEntry> enabledTrunks() {
    return em.createNamedQuery(Trunk.LIST_ENABLED, Trunk.class).getResultList().stream()
        .map(this::entry)
        .toList();
  }

  private DirectoryEntry entry(Trunk t) {
    TrunkRoute route =
        new TrunkRoute(
            t.getId(),
            t.getName(),
            t.getHost(),
            t.getPort(),
            t.getTransport().name(),
            t.getPriority(),
            t.getWeight(),
            login(t),
            t.getMaxChannels(),
            Duration.ofSeconds(t.getSetupTimeoutSeconds()));
    List<SourceRange> sources =
        t.getSources().stream().flatMap(s -> SourceRange.parse(s).stream()).toList();
    return new DirectoryEntry(route, t.getHealthStatus(), sources);
  }

  private Optional<TrunkLogin> login(Trunk t) {
    if (!t.hasLogin()) {
      return Optional.empty();
    }
    try {
      String password = cipher.decrypt(t.getAuthPasswordEncrypted());
      return Optional.of(new TrunkLogin(t.getAuthUsername(), password, t.getAuthRealm()));
    } catch (IllegalStateException e) {
      // The message names no secret; the trunk goes out without credentials and its carrier's
      // 401/407 shows in the CDR's trunk attempts.
      LOG.log(
          Level.WARNING,
          "Password of trunk {0} cannot be decrypted ({1}): it is used without a login",
          new Object[] {t.getName(), e.getMessage()});
      return Optional.empty();
    }
  }
}
