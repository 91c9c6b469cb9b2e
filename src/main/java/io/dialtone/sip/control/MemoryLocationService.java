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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Binding changes (a new contact, a removal, an expiry; never a refresh) are queued in memory,
 * at most {@link #MAX_QUEUED_CHANGES}, and fired as one {@link BindingsChanged} by {@link #flush()}
 * on the sweeper's thread: the REGISTER path gains no database write and no event.
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

  /** Changes queued at most between two flushes; beyond, they are dropped (logged). */
  static final int MAX_QUEUED_CHANGES = 100_000;

  private final Queue<BindingChange> changes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedChanges = new AtomicInteger();

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
    Binding[] replaced = {null};
    bindings.compute(
        binding.extensionId(),
        (id, list) -> {
          List<Binding> next = new ArrayList<>(list == null ? List.of() : list);
          int at = next.indexOf(binding);
          replaced[0] = at < 0 ? null : next.remove(at);
          next.add(binding);
          next.sort(OLDEST_FIRST);
          return List.copyOf(next);
        });
    dirty.add(binding.extensionId());
    Instant now = binding.refreshedAt();
    if (replaced[0] == null || !now.isBefore(replaced[0].expiresAt())) {
      if (replaced[0] != null) {
        changed(replaced[0], BindingChangeKind.EXPIRED, replaced[0].expiresAt());
      }
      changed(binding, BindingChangeKind.REGISTERED, now);
    }
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
      gone(before, contact);
      wentOffline(before, bindings.get(extensionId));
    }
    return removed[0];
  }

  @Override
  public void removeAll(long extensionId) {
    List<Binding> before = bindings.remove(extensionId);
    if (before != null) {
      dirty.add(extensionId);
      gone(before, null);
      wentOffline(before, null);
    }
  }

  @Override
  public int evictUnless(LongPredicate usable) {
    int evicted = 0;
    for (Long id : bindings.keySet()) {
      List<Binding> before = usable.test(id) ? null : bindings.remove(id);
      if (before != null) {
        dirty.add(id);
        gone(before, null);
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
          before.stream()
              .filter(b -> !now.isBefore(b.expiresAt()))
              .forEach(b -> changed(b, BindingChangeKind.EXPIRED, b.expiresAt()));
          wentOffline(before, after.isEmpty() ? null : after);
        }
      }
    }
  }

  /** Writes the changed extensions' bindings to the database; kept dirty when that fails. */
  public void flush() {
    fireChanges();
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

  /** The contacts of {@code before} that went ({@code contact}, or all of them when null). */
  private void gone(List<Binding> before, String contact) {
    Instant now = clock.instant();
    for (Binding b : before) {
      if (contact == null || b.contact().equals(contact)) {
        // one that lapsed before the sweep saw it expired, it was not removed
        boolean lapsed = !now.isBefore(b.expiresAt());
        changed(
            b,
            lapsed ? BindingChangeKind.EXPIRED : BindingChangeKind.UNREGISTERED,
            lapsed ? b.expiresAt() : now);
      }
    }
  }

  private void changed(Binding binding, BindingChangeKind kind, Instant at) {
    if (queuedChanges.incrementAndGet() > MAX_QUEUED_CHANGES) {
      queuedChanges.decrementAndGet();
      LOG.warning(
          () ->
              "registration history full: a change of extension:"
                  + binding.extensionId()
                  + " is not recorded");
      return;
    }
    changes.add(BindingChange.of(binding, kind, at));
  }

  /** Fires the changes queued since the last flush, if any. */
  private void fireChanges() {
    List<BindingChange> drained = new ArrayList<>();
    for (BindingChange c = changes.poll(); c != null; c = changes.poll()) {
      queuedChanges.decrementAndGet();
      drained.add(c);
    }
    if (!drained.isEmpty()) {
      events.fire(new BindingsChanged(drained));
    }
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
