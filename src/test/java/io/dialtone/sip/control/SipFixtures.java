package io.dialtone.sip.control;

import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.SipDomain;
import io.dialtone.trunk.control.TrunkDirectory;
import io.dialtone.trunk.control.TrunkRoute;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's controls wired by hand for unit tests: default settings, one known extension
 * ({@value #USER}@{@value #REALM} with secret {@value #SECRET}) instead of the database, a clock
 * the test moves, and the events recorded instead of fired (from any thread).
 */
final class SipFixtures {

  static final String REALM = "c-000042.sip.dialtone.invalid";
  static final String USER = "201";
  static final String SECRET = "s3cretS3cretS3cret0123";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  final List<Object> events = Collections.synchronizedList(new ArrayList<>());
  final SipSettings settings = settings();
  final SipCredentialCache credentials = new KnownUsers(2);
  final List<BindingChange> changes = Collections.synchronizedList(new ArrayList<>());
  final SipEvents sipEvents = new RecordingEvents(events, changes);
  final MemoryLocationService location = new MemoryLocationService();
  final MemorySourceGuard guard = new MemorySourceGuard();
  final DigestAuth auth = new DigestAuth();
  final Registrar registrar = new Registrar();
  final SipService service = new SipService();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final SipMetrics metrics = new SipMetrics();

  /** The address a carrier trunk's calls come from (trunk "carrier-1"). */
  static final String CARRIER_SOURCE = "198.51.100.20";

  /** The enabled trunks: one, whose calls come from {@link #CARRIER_SOURCE}. */
  final TrunkDirectory trunks =
      new TrunkDirectory() {
        @Override
        public Optional<TrunkRoute> fromSource(String ip) {
          return CARRIER_SOURCE.equals(ip)
              ? Optional.of(
                  new TrunkRoute(
                      1,
                      "carrier-1",
                      CARRIER_SOURCE,
                      5060,
                      "UDP",
                      1,
                      1,
                      Optional.empty(),
                      10,
                      Duration.ofSeconds(2)))
              : Optional.empty();
        }
      };

  SipFixtures() {
    location.events = sipEvents;
    location.clock = clock;
    guard.settings = settings;
    guard.credentials = credentials;
    guard.events = sipEvents;
    guard.clock = clock;
    guard.init();
    auth.settings = settings;
    auth.credentials = credentials;
    auth.clock = clock;
    auth.init();
    registrar.location = location;
    registrar.settings = settings;
    registrar.clock = clock;
    metrics.registry = registry;
    metrics.location = location;
    metrics.open();
    registrar.metrics = metrics;
    FailureLog log = new FailureLog();
    log.clock = clock;
    log.metrics = metrics;
    service.auth = auth;
    service.registrar = registrar;
    service.guard = guard;
    service.bans = guard;
    service.log = log;
    service.location = location;
    service.trunks = trunks;
  }

  static SipSettings settings() {
    SipSettings s = new SipSettings();
    s.enabled = true;
    s.listenAddress = "127.0.0.1";
    s.port = 5060;
    s.tlsPort = 0;
    s.keystore = Optional.empty();
    s.keystorePassword = Optional.empty();
    s.portalKeystore = Optional.empty();
    s.portalKeystorePassword = Optional.empty();
    s.minExpires = 60;
    s.maxExpires = 3600;
    s.defaultExpires = 3600;
    s.nonceSeconds = 300;
    s.nonceSecret = Optional.empty();
    s.md5FirstAgents = Optional.empty();
    s.credentialsCacheSeconds = 60;
    s.banFailures = 10;
    s.banWindowMinutes = 10;
    s.banMinutes = 15;
    s.rateLimit = 200;
    s.burstFailures = 20;
    s.persistMillis = 1000;
    return s;
  }

  /** Extension 201 of {@link #REALM}, allowing {@code max} registrations; nobody else. */
  static final class KnownUsers extends SipCredentialCache {
    private final int max;

    KnownUsers(int max) {
      this.max = max;
    }

    @Override
    public Optional<SipUser> find(String realm, String user) {
      if (REALM.equals(realm) && USER.equals(user)) {
        return Optional.of(
            new SipUser(
                7L,
                AccountId.of(42L),
                new ExtensionNumber(USER),
                new SipDomain(REALM),
                max,
                SipDigest.SHA_256.ha1(USER, REALM, SECRET),
                SipDigest.MD5.ha1(USER, REALM, SECRET)));
      }
      return Optional.empty();
    }
  }

  static final class RecordingEvents extends SipEvents {
    private final List<Object> events;
    private final List<BindingChange> changes;

    RecordingEvents(List<Object> events, List<BindingChange> changes) {
      this.events = events;
      this.changes = changes;
    }

    @Override
    public void fire(BindingsChanged event) {
      changes.addAll(event.changes());
    }

    @Override
    public void fire(SourceBanned event) {
      events.add(event);
    }

    @Override
    public void fire(FailureBurst event) {
      events.add(event);
    }

    @Override
    public void fire(DeviceOffline event) {
      events.add(event);
    }
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
