package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.TrunkTransport;
import java.util.List;

/** A trunk's settings once {@link TrunkRules} accepted them: canonical, in range. */
record TrunkDefinition(
    String name,
    String host,
    int port,
    TrunkTransport transport,
    int priority,
    int weight,
    int maxChannels,
    int setupTimeoutSeconds,
    List<String> sources,
    LoginChange login) {

  TrunkDefinition {
    sources = List.copyOf(sources);
  }
}
