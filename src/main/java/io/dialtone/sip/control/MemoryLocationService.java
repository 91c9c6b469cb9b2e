package io.dialtone.sip.control;

import io.dialtone.sip.entity.Binding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link LocationService} of one node: every extension's bindings in memory (an immutable list
 * per extension, replaced on change), written behind to {@code sip_binding} by {@link #flush()}
 * (the sweeper calls it every {@code dialtone.sip.persist-millis}, 1000 by default) and read back
 * by {@link #load()} at start-up. A crash loses the changes of the last flush interval: phones that
 * registered then are unknown until their next refresh, and removed bindings come back until they
 * expire. {@link #sweep()} removes lapsed bindings and fires {@link DeviceOffline} when an
 * extension's last one goes, as do {@link #remove} and {@link #removeAll} (not {@link
 * #evictUnless}: the portal removed those). Writes also stamp the extensions that have bindings
 * with their last registration ({@code extension.last_registered_at}, for "not used for N days"),
 * at most once per {@link #STAMP_EVERY} per extension.
 */
@ApplicationScoped
public class MemoryLocationService implements LocationService {

  private static final Logger LOG = Logger.getLogger(MemoryLocationService.class.getName());
  private static final Comparator<Binding> OLDEST_FIRST =
      Comparator.comparing(Binding::refreshedAt).thenComparing(Binding::contact);

  @Inject BindingStore store;
  @Inject SipEvents events;
  @Inject Clock clock;

  private final ConcurrentHashMap<Long, List<Binding>> bindings = new ConcurrentHashMap<>();
  private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

  /**
   * {@code extension.last_registered_at} serves "not used for N days": it is written at most once
   * per extension in this interval, not on every refresh of a busy registrar.
   */
  static final Duration STAMP_EVERY = Duration.ofHours(1);

  /** When each extension's last registration was last written, on this node. */
  private final Map<Long, Instant> stamped = new ConcurrentHashMap<>();

  @Override
  public List<Binding> bindingsOf(long extensionId) {
    List<Binding> all = bindings.getOrDefault(extensionId, List.of());
    Instant now = clock.instant();
    return all.stream().allMatch(b -> now.isBefore(b.expiresAt()))
        ? all
        : all.stream().filter(b -> now.isBefore(b.expiresAt())).toList();
  }

  @Override
  public void put(Binding binding) {
    bindings.compute(
        binding.extensionId(),
        (id, list) -> {
          List<Binding> next = new ArrayList<>(list == null ? List.of() : list);
          next.remove(binding);
          next.add(binding);
          next.sort(OLDEST_FIRST);
          return List.copyOf(next);
        });
    dirty.add(binding.extensionId());
  }

  @Override
  public boolean remove(long extensionId, String contact) {
    boolean[] removed = {false};
    List<Binding> before = bindings.get(extensionId);
    bindings.computeIfPresent(
        extensionId,
        (id, list) -> {
          List<Binding> next = list.stream().filter(b -> !b.contact().equals(contact)).toList();
          removed[0] = next.size() < list.size();
          return next.isEmpty() ? null : next;
        });
    if (removed[0]) {
      dirty.add(extensionId);
      wentOffline(before, bindings.get(extensionId));
    }
    return removed[0];
  }

  @Override
  public void removeAll(long extensionId) {
    List<Binding> before = bindings.remove(extensionId);
    if (before != null) {
      dirty.add(extensionId);
      wentOffline(before, null);
    }
  }

  @Override
  public int evictUnless(LongPredicate usable) {
    int evicted = 0;
    for (Long id : bindings.keySet()) {
      if (!usable.test(id) && bindings.remove(id) != null) {
        dirty.add(id);
        evicted++;
      }
    }
    return evicted;
  }

  /** Removes lapsed bindings; an extension left without any fires {@link DeviceOffline}. */
  public void sweep() {
    Instant now = clock.instant();
    for (Map.Entry<Long, List<Binding>> entry : bindings.entrySet()) {
      List<Binding> before = entry.getValue();
      if (before.stream().anyMatch(b -> !now.isBefore(b.expiresAt()))) {
        List<Binding> after = before.stream().filter(b -> now.isBefore(b.expiresAt())).toList();
        boolean replaced =
            after.isEmpty()
                ? bindings.remove(entry.getKey(), before)
                : bindings.replace(entry.getKey(), before, after);
        if (replaced) {
          dirty.add(entry.getKey());
          wentOffline(before, after.isEmpty() ? null : after);
        }
      }
    }
  }

  /** Writes the changed extensions' bindings to the database; kept dirty when that fails. */
  public void flush() {
    if (dirty.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(dirty);
    dirty.removeAll(ids);
    Map<Long, List<Binding>> snapshot = new java.util.HashMap<>();
    Map<Long, Instant> registeredAt = new java.util.HashMap<>();
    for (Long id : ids) {
      List<Binding> current = bindings.getOrDefault(id, List.of());
      snapshot.put(id, current);
      current.stream()
          .map(Binding::refreshedAt)
          .max(Comparator.naturalOrder())
          .filter(
              latest -> !latest.isBefore(stamped.getOrDefault(id, Instant.MIN).plus(STAMP_EVERY)))
          .ifPresent(latest -> registeredAt.put(id, latest));
    }
    try {
      store.replace(snapshot, registeredAt);
      stamped.putAll(registeredAt);
    } catch (RuntimeException e) {
      dirty.addAll(ids);
      LOG.log(Level.WARNING, "SIP bindings could not be written; retrying", e);
    }
  }

  /** Reads the unexpired bindings back (start-up). */
  public void load() {
    Instant now = clock.instant();
    for (Binding binding : store.unexpired(now)) {
      bindings.merge(
          binding.extensionId(),
          List.of(binding),
          (a, b) -> {
            List<Binding> merged = new ArrayList<>(a);
            merged.addAll(b);
            merged.sort(OLDEST_FIRST);
            return List.copyOf(merged);
          });
    }
    LOG.info(() -> "SIP location service: " + bindings.size() + " registered extensions loaded");
  }

  private void wentOffline(List<Binding> before, List<Binding> after) {
    if (before == null || before.isEmpty() || (after != null && !after.isEmpty())) {
      return;
    }
    Binding last = before.stream().max(Comparator.comparing(Binding::refreshedAt)).orElseThrow();
    events.fire(
        new DeviceOffline(
            last.accountId(), last.extensionId(), last.extensionNumber(), last.refreshedAt()));
  }

  /** How many extensions have at least one binding now. */
  public int registeredExtensions() {
    return bindings.size();
  }
}
