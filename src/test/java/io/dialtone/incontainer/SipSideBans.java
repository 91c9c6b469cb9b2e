package io.dialtone.incontainer;

import io.dialtone.sip.control.SourceBans;
import io.dialtone.sip.entity.Ban;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST FIXTURE ONLY, never in the WAR: in-memory {@link SourceBans} that a test seeds with {@link
 * #ban(Ban)}, so the bans page's control can be tested in-container without the registrar (whose
 * own bans are tested by its SIP flood tests). Enabled only in deployments that add it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SipSideBans implements SourceBans {

  private final Map<String, Ban> bans = new ConcurrentHashMap<>();

  /** Seeds a ban, as the registrar's guard would after repeated failures. */
  public void ban(Ban ban) {
    bans.put(ban.address(), ban);
  }

  @Override
  public List<Ban> current() {
    Instant now = Instant.now();
    return bans.values().stream()
        .filter(b -> b.until().isAfter(now))
        .sorted(Comparator.comparing(Ban::since).reversed())
        .toList();
  }

  @Override
  public boolean lift(String address) {
    Ban removed = bans.remove(address);
    return removed != null && removed.until().isAfter(Instant.now());
  }
}
