package io.dialtone.sip.control;

import io.dialtone.account.control.AccountSuspended;
import io.dialtone.extension.control.SipCredentialsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registrar's credentials in memory (SECURITY.md D1, D6): {@code (realm, user)} to the
 * extension phones may register as, or to nothing. A disabled or deleted extension and one of a
 * suspended account (or below a suspended reseller) are nothing, exactly like an unknown user.
 * Entries live {@code dialtone.sip.credentials-cache-seconds} (60; "nothing" at most 10 s, since
 * creating an extension fires no event); {@link SipCredentialsChanged} drops one entry and {@link
 * AccountSuspended} drops them all, as soon as their transaction commits.
 */
@ApplicationScoped
public class SipCredentialCache {

  private static final int MAX_ENTRIES = 200_000;
  private static final Duration NOTHING_TTL = Duration.ofSeconds(10);

  @Inject CredentialLookup lookup;
  @Inject SipSettings settings;
  @Inject Clock clock;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(Optional<SipUser> user, Instant until) {}

  /** The usable extension {@code user} of {@code realm}, from memory when fresh. */
  public Optional<SipUser> find(String realm, String user) {
    String key = key(realm, user);
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && now.isBefore(entry.until())) {
      return entry.user();
    }
    Optional<SipUser> found = load(realm, user);
    Duration ttl = settings.credentialsCacheTtl();
    if (found.isEmpty() && ttl.compareTo(NOTHING_TTL) > 0) {
      ttl = NOTHING_TTL;
    }
    if (entries.size() < MAX_ENTRIES || entries.containsKey(key)) {
      entries.put(key, new Entry(found, now.plus(ttl)));
    } else {
      entries.values().removeIf(e -> !now.isBefore(e.until()));
    }
    return found;
  }

  private Optional<SipUser> load(String realm, String user) {
    if (realm.isEmpty() || user.isEmpty() || user.length() > 8) {
      return Optional.empty();
    }
    return lookup.find(realm, user);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SipCredentialsChanged event) {
    entries.remove(key(event.realm(), event.user()));
  }

  void suspended(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountSuspended event) {
    entries.clear();
  }

  /** Drops every entry (tests, and after a mass change). */
  public void clear() {
    entries.clear();
  }

  private static String key(String realm, String user) {
    return (realm == null ? "" : realm.toLowerCase(Locale.ROOT))
        + '\n'
        + (user == null ? "" : user);
  }
}
