package io.dialtone.sip.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.sip.entity.Binding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expiry, the device-offline event and the write-behind of the in-memory location service. */
class MemoryLocationServiceTest {

  private final SipFixtures f = new SipFixtures();
  private final MemoryLocationService location = f.location;
  private final List<Map<Long, List<Binding>>> written = new java.util.ArrayList<>();
  private final List<Map<Long, Instant>> stamps = new java.util.ArrayList<>();

  MemoryLocationServiceTest() {
    location.store =
        new BindingStore() {
          @Override
          public void replace(
              Map<Long, List<Binding>> byExtension, Map<Long, Instant> registeredAt) {
            written.add(byExtension);
            stamps.add(registeredAt);
          }
        };
  }

  private Binding binding(String contact, long seconds) {
    Instant now = f.clock.instant();
    return new Binding(
        7L,
        42L,
        "201",
        contact,
        "Phone",
        "192.0.2.7:5060",
        "UDP",
        "c",
        1,
        now.plusSeconds(seconds),
        now);
  }

  @Test
  void lapsedBindingsGoAndTheLastOneFiresDeviceOffline() {
    location.put(binding("sip:201@192.0.2.7", 60));
    location.put(binding("sip:201@192.0.2.8", 120));
    f.clock.advance(Duration.ofSeconds(61));
    assertThat(location.bindingsOf(7L))
        .extracting(Binding::contact)
        .containsExactly("sip:201@192.0.2.8");
    location.sweep();
    assertThat(f.events).isEmpty();
    f.clock.advance(Duration.ofSeconds(60));
    location.sweep();
    assertThat(location.isRegistered(7L)).isFalse();
    assertThat(f.events)
        .singleElement()
        .isInstanceOfSatisfying(
            DeviceOffline.class,
            e -> {
              assertThat(e.extensionId()).isEqualTo(7L);
              assertThat(e.extensionNumber()).isEqualTo("201");
            });
  }

  @Test
  void changesAreWrittenBehindOncePerFlush() {
    location.put(binding("sip:201@192.0.2.7", 60));
    location.put(binding("sip:201@192.0.2.7", 90));
    location.flush();
    location.flush();
    assertThat(written).singleElement().satisfies(w -> assertThat(w.get(7L)).hasSize(1));
    location.removeAll(7L);
    location.flush();
    assertThat(written).hasSize(2);
    assertThat(written.get(1).get(7L)).isEmpty();
  }

  @Test
  void bindingsOfExtensionsThePortalNoLongerAllowsAreEvictedWithoutAnOfflineNotice() {
    location.put(binding("sip:201@192.0.2.7", 60));
    location.flush();

    assertThat(location.evictUnless(id -> id != 7L)).isEqualTo(1);

    assertThat(location.isRegistered(7L)).isFalse();
    assertThat(f.events).isEmpty();
    location.flush();
    assertThat(written).hasSize(2);
    assertThat(written.get(1).get(7L)).isEmpty();
    assertThat(location.evictUnless(id -> false)).isZero();
  }

  @Test
  void theLastRegistrationIsStampedAtMostOncePerInterval() {
    location.put(binding("sip:201@192.0.2.7", 600));
    location.flush();
    f.clock.advance(Duration.ofMinutes(10));
    location.put(binding("sip:201@192.0.2.7", 600));
    location.flush();
    f.clock.advance(MemoryLocationService.STAMP_EVERY);
    location.put(binding("sip:201@192.0.2.7", 600));
    location.flush();

    assertThat(stamps).hasSize(3);
    assertThat(stamps.get(0)).containsOnlyKeys(7L);
    assertThat(stamps.get(1)).isEmpty();
    assertThat(stamps.get(2)).containsEntry(7L, f.clock.instant());
  }

  @Test
  void onlyChangesOfTheBindingsReachTheHistoryAndOnlyAtTheFlush() {
    location.put(binding("sip:201@192.0.2.7", 60));
    location.put(binding("sip:201@192.0.2.8", 600));
    f.clock.advance(Duration.ofSeconds(30));
    location.put(binding("sip:201@192.0.2.7", 60)); // a refresh: no change
    assertThat(f.changes).as("nothing before the flush").isEmpty();
    location.flush();
    assertThat(f.changes)
        .extracting(BindingChange::kind, BindingChange::contact)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BindingChangeKind.REGISTERED, "sip:201@192.0.2.7"),
            org.assertj.core.groups.Tuple.tuple(BindingChangeKind.REGISTERED, "sip:201@192.0.2.8"));
    assertThat(f.changes.get(0).source()).isEqualTo("192.0.2.7:5060");
    assertThat(f.changes.get(0).transport()).isEqualTo("UDP");
    f.changes.clear();

    location.remove(7L, "sip:201@192.0.2.8");
    f.clock.advance(Duration.ofSeconds(61));
    location.sweep();
    location.flush();
    location.flush();
    assertThat(f.changes)
        .extracting(BindingChange::kind, BindingChange::contact)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                BindingChangeKind.UNREGISTERED, "sip:201@192.0.2.8"),
            org.assertj.core.groups.Tuple.tuple(BindingChangeKind.EXPIRED, "sip:201@192.0.2.7"));
    assertThat(f.changes.get(1).at()).isEqualTo(f.clock.instant().minusSeconds(1));
  }

  @Test
  void aContactThatLapsedBeforeTheSweepAndRegistersAgainIsAnExpiryAndARegistration() {
    location.put(binding("sip:201@192.0.2.7", 60));
    f.clock.advance(Duration.ofSeconds(70));
    location.put(binding("sip:201@192.0.2.7", 60));
    location.flush();
    assertThat(f.changes)
        .extracting(BindingChange::kind)
        .containsExactly(
            BindingChangeKind.REGISTERED, BindingChangeKind.EXPIRED, BindingChangeKind.REGISTERED);
  }
}
