package io.dialtone.usage.control;

import io.dialtone.account.control.UsageCaps;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * BENCHMARK FIXTURE, never in the WAR: the real {@link CapGate} (with its {@link UsageMeter} and
 * {@link ActiveCalls}) over usage held in memory instead of read from the daily totals, so the call
 * policy's benchmark measures the gate a deployed server runs.
 */
public final class BenchUsageGates {

  private BenchUsageGates() {}

  /**
   * A gate where every account has spend, minutes and concurrent-call caps with usage below them
   * and {@code extensionCaps} per extension, and {@code callsInProgress} calls of extension {@code
   * busyExtension} in progress in every account from 1 to {@code accounts}.
   */
  public static CapGate withCaps(
      int accounts,
      Map<String, Integer> extensionCaps,
      String busyExtension,
      int callsInProgress,
      Clock clock) {
    UsageMeter meter = new UsageMeter();
    meter.source =
        new UsageSource() {
          @Override
          public UsageState load(long accountId, java.time.Instant at) {
            return new UsageState(
                accountId,
                ZoneId.of("America/Toronto"),
                "CAD",
                new CapSet(
                    new UsageCaps(new BigDecimal("500.00"), new BigDecimal("5000.00"), 50_000, 40),
                    new UsageCaps(new BigDecimal("200.00"), null, 20_000, 30)),
                extensionCaps,
                LocalDate.ofInstant(at, ZoneId.of("America/Toronto")),
                new BigDecimal("12.34"),
                new BigDecimal("456.78"),
                4_321);
          }
        };
    meter.maxAgeSeconds = 60;
    meter.clock = clock;
    ActiveCalls active = new ActiveCalls();
    active.capAlerts =
        new CallCapAlerts() {
          @Override
          public void started(long accountId, int calls) {
            // alerts are not what the benchmark measures
          }
        };
    for (long account = 1; account <= accounts; account++) {
      for (int call = 0; call < callsInProgress; call++) {
        active.callStarted(AccountId.of(account), new ExtensionNumber(busyExtension));
      }
    }
    CapGate gate = new CapGate();
    gate.meter = meter;
    gate.active = active;
    return gate;
  }
}
