package io.dialtone.call.control;

import io.dialtone.trunk.control.TrunkDirectory;
import io.dialtone.trunk.control.TrunkRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The trunk directory as the proxy's threads read it (SIP workers, the probe's scheduler). A read
 * is answered from memory and starts no transaction; the directory's reload from the database runs
 * in the trunk store's own.
 */
@ApplicationScoped
public class TrunkRoutes {

  @Inject TrunkDirectory directory;

  /** {@link TrunkDirectory#candidates}. */
  public List<TrunkRoute> candidates(boolean emergency) {
    return directory.candidates(emergency);
  }

  /** {@link TrunkDirectory#enabled}. */
  public List<TrunkRoute> enabled() {
    return directory.enabled();
  }
}
