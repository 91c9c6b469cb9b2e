package io.dialtone.incontainer;

import io.dialtone.sip.control.LocationService;
import io.dialtone.sip.entity.Binding;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST FIXTURE ONLY, never in the WAR: an in-memory {@link LocationService} so the portal side of
 * the SIP registrar (pages reading bindings) can be tested in-container without the registrar,
 * whose own location service is tested by its SIP tests. Enabled only in deployments that add it
 * (see {@code SipPortalIT}); plain maps, no persistence, no expiry events.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SipSideLocations implements LocationService {

  private final Map<Long, List<Binding>> bindings = new ConcurrentHashMap<>();

  @Override
  public List<Binding> bindingsOf(long extensionId) {
    Instant now = Instant.now();
    return bindings.getOrDefault(extensionId, List.of()).stream()
        .filter(b -> b.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(Binding::refreshedAt))
        .toList();
  }

  @Override
  public synchronized void put(Binding binding) {
    List<Binding> list = new ArrayList<>(bindings.getOrDefault(binding.extensionId(), List.of()));
    list.remove(binding);
    list.add(binding);
    bindings.put(binding.extensionId(), List.copyOf(list));
  }

  @Override
  public synchronized boolean remove(long extensionId, String contact) {
    List<Binding> list = new ArrayList<>(bindings.getOrDefault(extensionId, List.of()));
    boolean removed = list.removeIf(b -> b.contact().equals(contact));
    bindings.put(extensionId, List.copyOf(list));
    return removed;
  }

  @Override
  public void removeAll(long extensionId) {
    bindings.remove(extensionId);
  }

  @Override
  public int evictUnless(java.util.function.LongPredicate usable) {
    int before = bindings.size();
    bindings.keySet().removeIf(id -> !usable.test(id));
    return before - bindings.size();
  }
}
