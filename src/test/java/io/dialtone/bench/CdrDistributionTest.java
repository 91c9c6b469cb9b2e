package io.dialtone.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.cdr.control.CallRecord;
import io.dialtone.cdr.control.Direction;
import io.dialtone.cdr.control.Disposition;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator's calls: deterministic per seed, and the mix its documentation promises. */
class CdrDistributionTest {

  private static final ZoneId ZONE = ZoneId.of("America/Vancouver");
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
  private static List<CallRecord> calls;

  @BeforeAll
  static void generate() {
    calls = new CdrDistribution(7, ZONE, "604", 10, 42).calls(50_000, FROM, TO);
  }

  @Test
  void theSameSeedGivesTheSameCallsAndAnotherSeedOthers() {
    List<CallRecord> again = new CdrDistribution(7, ZONE, "604", 10, 42).calls(50_000, FROM, TO);
    List<CallRecord> other = new CdrDistribution(7, ZONE, "604", 10, 43).calls(1000, FROM, TO);

    assertThat(again).isEqualTo(calls);
    assertThat(other.get(0)).isNotEqualTo(calls.get(0));
  }

  @Test
  void callsAreInStartOrderWithinTheRangeAndHaveUniqueCallIds() {
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).start()).isAfterOrEqualTo(calls.get(i - 1).start());
    }
    assertThat(calls.get(0).start()).isAfterOrEqualTo(FROM);
    assertThat(calls.getLast().start()).isBefore(TO);
    assertThat(calls.stream().map(CallRecord::callId).distinct().count()).isEqualTo(calls.size());
  }

  @Test
  void mostCallsFallInLocalBusinessHoursOnWeekdays() {
    double business =
        share(
            c -> {
              ZonedDateTime local = c.start().atZone(ZONE);
              return local.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
                  && local.getHour() >= 9
                  && local.getHour() < 17;
            });
    double weekend = share(c -> c.start().atZone(ZONE).getDayOfWeek().getValue() >= 6);

    assertThat(business).isGreaterThan(0.60);
    assertThat(weekend).isBetween(0.03, 0.10);
  }

  @Test
  void directionsClassesAndOutcomesFollowTheDocumentedMix() {
    assertThat(share(c -> c.direction() == Direction.OUTBOUND)).isCloseTo(0.45, within(0.01));
    assertThat(share(c -> c.direction() == Direction.INBOUND)).isCloseTo(0.43, within(0.01));
    assertThat(share(c -> c.direction() == Direction.INTERNAL)).isCloseTo(0.12, within(0.01));
    double outbound = share(c -> c.direction() == Direction.OUTBOUND);
    assertThat(
            share(
                    c ->
                        c.direction() == Direction.OUTBOUND
                            && c.destination() == DestinationClass.INTERNATIONAL)
                / outbound)
        .isCloseTo(0.06, within(0.01));
    assertThat(share(c -> c.destination() == DestinationClass.LOCAL)).isGreaterThan(0.4);
    assertThat(share(c -> c.disposition() == Disposition.ANSWERED)).isCloseTo(0.70, within(0.02));
    assertThat(share(c -> c.disposition() == Disposition.BLOCKED)).isBetween(0.005, 0.02);
    assertThat(calls)
        .filteredOn(c -> c.destination() == DestinationClass.EMERGENCY)
        .allMatch(c -> c.disposition() != Disposition.BLOCKED);
    double meanTalk =
        calls.stream()
            .filter(c -> c.billsec() > 0)
            .mapToInt(CallRecord::billsec)
            .average()
            .orElse(0);
    assertThat(meanTalk).isBetween(130.0, 170.0);
  }

  private static double share(Predicate<CallRecord> p) {
    return calls.stream().filter(p).count() / (double) calls.size();
  }
}
