package io.dialtone.trunk.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.trunk.entity.TrunkStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The order call control tries the trunks in: priority first, weighted random within one priority
 * (checked over many draws of a seeded generator), unhealthy trunks left out except for emergency
 * calls, source addresses, and the cache's reload rules.
 */
class TrunkDirectoryTest {

  private static final int DRAWS = 20_000;

  private final AtomicLong ticker = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private List<DirectoryEntry> stored = new ArrayList<>();

  private TrunkDirectory directory() {
    return new TrunkDirectory(
        () -> {
          loads.incrementAndGet();
          return stored;
        },
        new SplittableRandom(42),
        Duration.ofSeconds(10),
        ticker::get);
  }

  @Test
  void lowerPriorityComesFirstWhateverTheWeights() {
    stored =
        List.of(
            entry(1, "backup", 20, 1000, TrunkStatus.UP),
            entry(2, "main", 10, 1, TrunkStatus.UP),
            entry(3, "last", 30, 1, TrunkStatus.UNKNOWN));
    TrunkDirectory directory = directory();
    for (int i = 0; i < 100; i++) {
      assertThat(directory.candidates(false))
          .extracting(TrunkRoute::name)
          .containsExactly("main", "backup", "last");
    }
  }

  @Test
  void withinOnePriorityEachTrunkLeadsInProportionToItsWeight() {
    stored =
        List.of(
            entry(1, "a", 10, 3, TrunkStatus.UP),
            entry(2, "b", 10, 1, TrunkStatus.UP),
            entry(3, "c", 20, 1, TrunkStatus.UP));
    TrunkDirectory directory = directory();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      List<TrunkRoute> order = directory.candidates(false);
      assertThat(order).extracting(TrunkRoute::name).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(order.get(2).name()).isEqualTo("c");
      first.merge(order.get(0).name(), 1, Integer::sum);
    }
    double shareOfA = first.get("a") / (double) DRAWS;
    assertThat(shareOfA).isBetween(0.73, 0.77);
  }

  @Test
  void equalWeightsShareEvenlyAndEveryTrunkOfThePriorityFollows() {
    stored =
        List.of(
            entry(1, "a", 5, 10, TrunkStatus.UP),
            entry(2, "b", 5, 10, TrunkStatus.UP),
            entry(3, "c", 5, 10, TrunkStatus.UP));
    TrunkDirectory directory = directory();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      List<TrunkRoute> order = directory.candidates(false);
      assertThat(order).hasSize(3).doesNotHaveDuplicates();
      first.merge(order.get(0).name(), 1, Integer::sum);
    }
    first.values().forEach(n -> assertThat(n / (double) DRAWS).isBetween(0.31, 0.36));
  }

  @Test
  void aDownTrunkIsLeftOutOfOrdinaryCallsButTriedLastForEmergencyCalls() {
    stored =
        List.of(
            entry(1, "down-first", 1, 1, TrunkStatus.DOWN),
            entry(2, "up", 10, 1, TrunkStatus.UP),
            entry(3, "unknown", 20, 1, TrunkStatus.UNKNOWN));
    TrunkDirectory directory = directory();
    assertThat(directory.candidates(false))
        .extracting(TrunkRoute::name)
        .containsExactly("up", "unknown");
    assertThat(directory.candidates(true))
        .extracting(TrunkRoute::name)
        .containsExactly("up", "unknown", "down-first");
    assertThat(directory.enabled()).hasSize(3);
  }

  @Test
  void whenEveryTrunkIsDownOnlyEmergencyCallsGetCandidates() {
    stored = List.of(entry(1, "x", 1, 1, TrunkStatus.DOWN), entry(2, "y", 2, 1, TrunkStatus.DOWN));
    TrunkDirectory directory = directory();
    assertThat(directory.candidates(false)).isEmpty();
    assertThat(directory.candidates(true)).extracting(TrunkRoute::name).containsExactly("x", "y");
  }

  @Test
  void aProbeResultChangesTheNextCallsOrderWithoutAReload() {
    stored = List.of(entry(1, "a", 1, 1, TrunkStatus.UP), entry(2, "b", 2, 1, TrunkStatus.UP));
    TrunkDirectory directory = directory();
    assertThat(directory.candidates(false)).hasSize(2);
    directory.health(1, TrunkStatus.DOWN);
    assertThat(directory.candidates(false)).extracting(TrunkRoute::name).containsExactly("b");
    assertThat(directory.health(1)).contains(TrunkStatus.DOWN);
    directory.health(1, TrunkStatus.UP);
    assertThat(directory.candidates(false)).extracting(TrunkRoute::name).containsExactly("a", "b");
    assertThat(loads).hasValue(1);
  }

  @Test
  void callsAreAnsweredFromMemoryUntilTheMaximumAgeOrAChange() {
    stored = List.of(entry(1, "a", 1, 1, TrunkStatus.UP));
    TrunkDirectory directory = directory();
    for (int i = 0; i < 50; i++) {
      directory.candidates(false);
    }
    assertThat(loads).hasValue(1);

    stored = List.of(entry(1, "a", 1, 1, TrunkStatus.UP), entry(2, "b", 2, 1, TrunkStatus.UP));
    ticker.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(directory.enabled()).hasSize(1);
    ticker.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(directory.enabled()).hasSize(2);
    assertThat(loads).hasValue(2);

    stored = List.of();
    directory.changed(new TrunksChanged(2));
    assertThat(directory.enabled()).isEmpty();
    assertThat(loads).hasValue(3);
  }

  @Test
  void anInboundCallIsMatchedToTheTrunkWhoseSourcesContainItsAddress() {
    stored =
        List.of(
            entry(1, "v4", 1, 1, TrunkStatus.UP, "192.0.2.0/24", "198.51.100.7"),
            entry(2, "v6", 2, 1, TrunkStatus.DOWN, "2001:db8:10::/48"));
    TrunkDirectory directory = directory();
    assertThat(directory.fromSource("192.0.2.200")).map(TrunkRoute::name).contains("v4");
    assertThat(directory.fromSource("198.51.100.7")).map(TrunkRoute::name).contains("v4");
    assertThat(directory.fromSource("198.51.100.8")).isEmpty();
    assertThat(directory.fromSource("[2001:db8:10:ff::1]")).map(TrunkRoute::name).contains("v6");
    assertThat(directory.fromSource("2001:db8:11::1")).isEmpty();
    assertThat(directory.fromSource("not an address")).isEmpty();
  }

  @Test
  void aRouteNeverShowsItsPasswordInText() {
    TrunkRoute route =
        new TrunkRoute(
            1,
            "carrier",
            "sip.example.net",
            5060,
            "UDP",
            1,
            1,
            Optional.of(new TrunkLogin("acct", "s3cr3t-Pa55", "")),
            0,
            Duration.ofSeconds(5));
    assertThat(route.toString()).contains("acct").doesNotContain("s3cr3t-Pa55");
    assertThat(route.login().orElseThrow().answers("any.realm")).isTrue();
    assertThat(new TrunkLogin("u", "p", "r1").answers("r2")).isFalse();
  }

  static DirectoryEntry entry(
      long id, String name, int priority, int weight, TrunkStatus status, String... sources) {
    TrunkRoute route =
        new TrunkRoute(
            id,
            name,
            name + ".example.net",
            5060,
            "UDP",
            priority,
            weight,
            Optional.empty(),
            0,
            Duration.ofSeconds(5));
    return new DirectoryEntry(
        route,
        status,
        List.of(sources).stream().map(s -> SourceRange.parse(s).orElseThrow()).toList());
  }
}
