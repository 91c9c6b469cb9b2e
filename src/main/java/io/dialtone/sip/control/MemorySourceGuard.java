package io.dialtone.sip.control;

import io.dialtone.sip.entity.Ban;
import io.dialtone.sip.entity.BanReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The in-memory {@link SourceGuard} and {@link SourceBans} (SECURITY.md D4, D5): a per-address
 * ceiling of requests per second (excess is dropped; five times the ceiling within one second bans
 * for flooding), a ban after {@code failures} digest failures within {@code window}, an immediate
 * ban of scanners, and a {@link FailureBurst} when one extension sees {@code burstFailures}
 * failures within the window from anywhere (at most one per extension and window). Bans last {@code
 * banFor}; nothing survives a restart. Thresholds from {@link SipSettings#guardRules()}.
 */
@ApplicationScoped
public class MemorySourceGuard implements SourceGuard, SourceBans, BanLookup {

  private static final Logger LOG = Logger.getLogger(MemorySourceGuard.class.getName());
  private static final int FLOOD_FACTOR = 5;

  @Inject SipSettings settings;
  @Inject SipCredentialCache credentials;
  @Inject SipEvents events;
  @Inject Clock clock;

  GuardRules rules = GuardRules.defaults();
  private final ConcurrentHashMap<String, Ban> bans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> rates = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Deque<Instant>> extensionFailures =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Instant> lastBurst = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    rules = settings.guardRules();
  }

  @Override
  public boolean admit(String address) {
    boolean withinRate = count(address) <= rules.ratePerSecond() || rules.ratePerSecond() <= 0;
    return withinRate && !banned(address);
  }

  @Override
  public boolean flooding(String address) {
    if (rules.ratePerSecond() <= 0) {
      return false;
    }
    AtomicLong window = rates.get(address);
    long packed = window == null ? 0 : window.get();
    return (packed >>> 32) == clock.millis() / 1000
        && (packed & 0xFFFFFFFFL) > rules.ratePerSecond();
  }

  /** Counts one request of {@code address} in the current second; the count so far. */
  private long count(String address) {
    if (rules.ratePerSecond() <= 0) {
      return 0;
    }
    long second = clock.millis() / 1000;
    AtomicLong window = rates.computeIfAbsent(address, a -> new AtomicLong());
    long count;
    while (true) {
      long packed = window.get();
      count = (packed >>> 32) == second ? (packed & 0xFFFFFFFFL) + 1 : 1;
      if (window.compareAndSet(packed, (second << 32) | Math.min(count, 0xFFFFFFFFL))) {
        break;
      }
    }
    if (count == (long) rules.ratePerSecond() * FLOOD_FACTOR && !banned(address)) {
      ban(address, BanReason.FLOOD, "");
    }
    return count;
  }

  @Override
  public boolean banned(String address) {
    Ban ban = bans.get(address);
    if (ban == null) {
      return false;
    }
    if (clock.instant().isBefore(ban.until())) {
      return true;
    }
    bans.remove(address, ban);
    return false;
  }

  @Override
  public void digestFailed(String address, String realm, String user) {
    Instant now = clock.instant();
    failed(address, now, BanReason.DIGEST_FAILURES);
    Optional<SipUser> known = credentials.find(realm, user);
    if (known.isPresent() && rules.burstFailures() > 0) {
      SipUser target = known.get();
      Deque<Instant> times =
          extensionFailures.computeIfAbsent(target.extensionId(), id -> new ArrayDeque<>());
      if (count(times, now) >= rules.burstFailures() && burstDue(target.extensionId(), now)) {
        events.fire(
            new FailureBurst(
                target.accountId().value(),
                target.extensionId(),
                target.number().digits(),
                rules.burstFailures(),
                now.minus(rules.window())));
      }
    }
  }

  @Override
  public void malformed(String address) {
    count(address);
    failed(address, clock.instant(), BanReason.MALFORMED);
  }

  /** One failure of {@code address}; the one that reaches the threshold bans it. */
  private void failed(String address, Instant now, BanReason reason) {
    if (!banned(address)
        && count(failures.computeIfAbsent(address, a -> new ArrayDeque<>()), now)
            >= rules.failures()) {
      failures.remove(address);
      ban(address, reason, "");
    }
  }

  @Override
  public void scannerSeen(String address, String userAgent) {
    if (!banned(address)) {
      ban(address, BanReason.SCANNER, userAgent);
    }
  }

  @Override
  public List<Ban> current() {
    Instant now = clock.instant();
    return bans.values().stream()
        .filter(b -> now.isBefore(b.until()))
        .sorted(Comparator.comparing(Ban::since).reversed())
        .toList();
  }

  @Override
  public boolean lift(String address) {
    failures.remove(address);
    rates.remove(address);
    return bans.remove(address) != null;
  }

  /** Forgets lapsed bans, idle rate windows and old failures (called by the sweeper). */
  public void sweep() {
    Instant now = clock.instant();
    long second = now.getEpochSecond();
    bans.values().removeIf(b -> !now.isBefore(b.until()));
    rates.values().removeIf(w -> (w.get() >>> 32) < second - 1);
    failures.values().removeIf(times -> count(times, now, false) == 0);
    extensionFailures.values().removeIf(times -> count(times, now, false) == 0);
    lastBurst.values().removeIf(at -> at.plus(rules.window()).isBefore(now));
  }

  private boolean burstDue(long extensionId, Instant now) {
    Instant last = lastBurst.get(extensionId);
    if (last != null && last.plus(rules.window()).isAfter(now)) {
      return false;
    }
    return last == null
        ? lastBurst.putIfAbsent(extensionId, now) == null
        : lastBurst.replace(extensionId, last, now);
  }

  private void ban(String address, BanReason reason, String userAgent) {
    Instant now = clock.instant();
    Ban ban = new Ban(address, reason, now, now.plus(rules.banFor()));
    Ban previous = bans.put(address, ban);
    if (previous == null || !now.isBefore(previous.until())) {
      LOG.info(() -> "SIP source banned: " + address + " " + reason + " until " + ban.until());
      events.fire(new SourceBanned(ban, userAgent));
    }
  }

  private int count(Deque<Instant> times, Instant now) {
    return count(times, now, true);
  }

  private int count(Deque<Instant> times, Instant now, boolean add) {
    synchronized (times) {
      Instant oldest = now.minus(rules.window());
      while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
        times.pollFirst();
      }
      if (add) {
        times.addLast(now);
      }
      return times.size();
    }
  }
}
