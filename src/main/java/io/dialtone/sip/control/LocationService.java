package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import java.util.List;

/**
 * The registrar's bindings (RFC 3261 §10.3 location service). Implementations keep them in memory
 * for speed and persist them so a restart does not lose them. Reads never block on the database.
 */
public interface LocationService {

  /** The live (unexpired) bindings of {@code extensionId}, oldest first. */
  List<Binding> bindingsOf(long extensionId);

  /** Whether {@code extensionId} has at least one live binding. */
  default boolean isRegistered(long extensionId) {
    return !bindingsOf(extensionId).isEmpty();
  }
}
