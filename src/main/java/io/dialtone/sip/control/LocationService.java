package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The registrar's bindings (RFC 3261 §10.3 location service): a store, not the registrar's rules.
 * The registrar ({@code Registrar}) decides what a REGISTER changes, serializing the changes of one
 * extension, and writes them here. Implementations keep bindings in memory for speed, persist them
 * so a restart does not lose them, remove expired ones, and fire {@link DeviceOffline} when an
 * extension's last binding goes (expired or removed). Reads never block on the database.
 */
public interface LocationService {

  /** The live (unexpired) bindings of {@code extensionId}, oldest first. */
  List<Binding> bindingsOf(long extensionId);

  /** Whether {@code extensionId} has at least one live binding. */
  default boolean isRegistered(long extensionId) {
    return !bindingsOf(extensionId).isEmpty();
  }

  /** Adds {@code binding}, or replaces the one with the same extension and contact. */
  void put(Binding binding);

  /** Removes the binding of {@code extensionId} for {@code contact}; false if there was none. */
  boolean remove(long extensionId, String contact);

  /** Removes every binding of {@code extensionId} ({@code Contact: *}, or the extension went). */
  void removeAll(long extensionId);

  /**
   * Drops the bindings of every extension {@code usable} refuses (disabled, deleted, account
   * suspended, secret regenerated): the portal's decision, so no "device offline" notice follows.
   * Returns how many extensions lost their bindings.
   */
  int evictUnless(LongPredicate usable);
}
