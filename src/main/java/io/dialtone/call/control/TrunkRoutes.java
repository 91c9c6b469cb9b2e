package io.dialtone.call.control;

import io.dialtone.trunk.control.TrunkDirectory;
import io.dialtone.trunk.control.TrunkRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The trunk directory as the proxy's threads read it (SIP workers, the probe's scheduler): each
 * read in a transaction of its own, so a directory that reloads from the database has one.
 */
@ApplicationScoped
public class TrunkRoutes {

  @Inject TrunkDirectory directory;

  /** {@link TrunkDirectory#candidates}. */
  @Transactional
  public List<TrunkRoute> candidates(boolean emergency) {
    return directory.candidates(emergency);
  }

  /** {@link TrunkDirectory#enabled}. */
  @Transactional
  public List<TrunkRoute> enabled() {
    return directory.enabled();
  }
}
