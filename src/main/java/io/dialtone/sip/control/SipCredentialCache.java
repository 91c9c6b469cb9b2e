package io.dialtone.sip.control;

import io.dialtone.account.control.AccountSuspended;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every SIP user of the platform in memory (SECURITY.md D1, D6): {@code (realm, user)} to the
 * extension phones may register as. A lookup never reads the database, so an unknown user, a
 * disabled extension and one of a suspended account (absent here) are answered exactly as fast as a
 * known one, and the SIP threads never wait on a connection.
 *
 * <p>Kept current by events, after their transaction committed: {@link SipCredentialsChanged}
 * (secret regenerated, extension disabled, enabled, deleted) removes the entry and the extension's
 * bindings at once, so an old secret stops working immediately and its phones are logged out, then
 * reloads it in the background; {@link SipCredentialsImported} and a created extension reload in
 * the background; {@link AccountSuspended} reloads everything before the suspending request
 * returns. {@link #reloadAll()} also drops the bindings of extensions no longer usable (an account
 * suspended), and runs at start-up and every {@code dialtone.sip.credentials-cache-seconds} (60) as
 * a safety net (a reactivated account's phones come back within that time).
 */
@ApplicationScoped
public class SipCredentialCache {

  private static final Logger LOG = Logger.getLogger(SipCredentialCache.class.getName());

  /** More pending single refreshes than this are done as one full reload. */
  private static final int SINGLE_REFRESH_LIMIT = 50;

  @Inject CredentialLookup lookup;
  @Inject LocationService location;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private volatile Map<String, SipUser> users = new ConcurrentHashMap<>();

  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean fullReloadAsked = new AtomicBoolean();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ReentrantLock loading = new ReentrantLock();

  /** The usable extension {@code user} of {@code realm}; memory only. */
  public Optional<SipUser> find(String realm, String user) {
    return Optional.ofNullable(users.get(key(realm, user)));
  }

  /** Replaces the whole directory by what the database holds now; returns how many users. */
  public int reloadAll() {
    loading.lock();
    try {
      List<SipUser> all = lookup.all();
      Map<String, SipUser> next = new ConcurrentHashMap<>(Math.max(16, all.size() * 2));
      for (SipUser user : all) {
        next.put(key(user.realm().value(), user.number().digits()), user);
      }
      users = next;
      Set<Long> usable = new HashSet<>(all.size() * 2);
      all.forEach(user -> usable.add(user.extensionId()));
      int evicted = location.evictUnless(usable::contains);
      if (evicted > 0) {
        LOG.info(() -> "SIP bindings dropped: " + evicted + " extensions no longer usable");
      }
      return next.size();
    } finally {
      loading.unlock();
    }
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SipCredentialsChanged event) {
    String key = key(event.realm(), event.user());
    SipUser before = event.keepBindings() ? null : users.remove(key);
    if (before != null) {
      // disabled, deleted or a new secret: the phones registered with the old one are logged out
      location.evictUnless(id -> id != before.extensionId());
    }
    pending.add(key);
    drainLater();
  }

  void imported(@Observes(during = TransactionPhase.AFTER_SUCCESS) SipCredentialsImported event) {
    fullReloadAsked.set(true);
    drainLater();
  }

  void suspended(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountSuspended event) {
    reloadAll();
  }

  /** Runs the queued refreshes on the managed executor, one drain at a time. */
  private void drainLater() {
    if (executor == null) {
      drain();
    } else if (draining.compareAndSet(false, true)) {
      executor.execute(this::drainQueued);
    }
  }

  private void drainQueued() {
    try {
      drain();
    } finally {
      draining.set(false);
    }
    if (!pending.isEmpty() || fullReloadAsked.get()) {
      drainLater();
    }
  }

  private void drain() {
    try {
      Set<String> keys = new HashSet<>(pending);
      pending.removeAll(keys);
      if (fullReloadAsked.getAndSet(false) || keys.size() > SINGLE_REFRESH_LIMIT) {
        reloadAll();
        return;
      }
      for (String key : keys) {
        refresh(key);
      }
    } catch (RuntimeException e) {
      fullReloadAsked.set(true); // the next event or the periodic reload retries
      LOG.log(Level.WARNING, "SIP credentials could not be refreshed", e);
    }
  }

  private void refresh(String key) {
    int cut = key.indexOf('\n');
    String realm = key.substring(0, cut);
    String user = key.substring(cut + 1);
    loading.lock();
    try {
      lookup
          .find(realm, user)
          .ifPresentOrElse(found -> users.put(key, found), () -> users.remove(key));
    } finally {
      loading.unlock();
    }
  }

  private static String key(String realm, String user) {
    return (realm == null ? "" : realm.toLowerCase(Locale.ROOT))
        + '\n'
        + (user == null ? "" : user);
  }
}
