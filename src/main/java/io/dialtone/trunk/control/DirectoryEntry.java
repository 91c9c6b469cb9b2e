package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.TrunkStatus;
import java.util.List;

/**
 * One enabled trunk as the directory keeps it: the route, its health, and the source ranges its
 * inbound calls come from.
 */
record DirectoryEntry(TrunkRoute route, TrunkStatus status, List<SourceRange> sources) {

  DirectoryEntry {
    sources = List.copyOf(sources);
  }

  boolean usable() {
    return status.usable();
  }

  DirectoryEntry withStatus(TrunkStatus now) {
    return now == status ? this : new DirectoryEntry(route, now, sources);
  }

  boolean from(String ip) {
    return sources.stream().anyMatch(range -> range.contains(ip));
  }
}
