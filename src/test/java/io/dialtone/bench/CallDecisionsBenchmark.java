package io.dialtone.bench;

import io.dialtone.callpolicy.control.AccountPolicy;
import io.dialtone.callpolicy.control.CallDecisions;
import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.ExtensionRange;
import io.dialtone.callpolicy.control.MapPolicySource;
import io.dialtone.callpolicy.control.NumberClassifier;
import io.dialtone.callpolicy.control.PlatformRanges;
import io.dialtone.callpolicy.control.RatedPrefixes;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.usage.control.BenchUsageGates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link CallDecisions#decide} on 1,000 accounts holding 10,000 rules in all (10 each: allowed
 * countries, local area codes, always-allowed and blocked numbers, blocked prefixes, half of them
 * on one of the account's 20 extensions) plus the platform ranges of V11, in four countries.
 *
 * <ul>
 *   <li>{@code decideWarm}: a pool of 10,000 dialled strings of every class (local, long distance,
 *       international, premium, toll-free, emergency, internal, garbage), each account dialling
 *       from it: the compiled rules and libphonenumber's answers are in memory, as for a busy
 *       system.
 *   <li>{@code decideNewNumber}: a number never dialled before on every call: the memo misses and
 *       libphonenumber parses (the cold path).
 * </ul>
 *
 * The usage gate is the deployed one ({@code usage.control.CapGate} with its meter and the calls in
 * progress, over usage held in memory): every account has spend, minutes and concurrent-call caps,
 * two extensions have their own call caps and one has three calls in progress.
 *
 * <p>Run with {@code bench/call-decisions.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CallDecisionsBenchmark {

  static final int ACCOUNTS = 1_000;
  static final int RULES_PER_ACCOUNT = 10;
  static final int EXTENSIONS = 20;
  static final int DIALLED = 10_000;
  static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
  static final List<String> COUNTRIES = List.of("CA", "US", "GB", "FR");

  CallDecisions decisions;
  AccountId[] accounts;
  ExtensionNumber[] extensions;
  String[] dialled;
  int rules;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261128);
    MapPolicySource source =
        new MapPolicySource(id -> AccountPolicy.defaults(id, plan("CA", "613")))
            .platform(
                PlatformRanges.none()
                    .block(1, "+870")
                    .block(2, "+881")
                    .block(3, "+882")
                    .block(4, "+883")
                    .block(5, "+979"));
    long ruleId = 100;
    for (long account = 1; account <= ACCOUNTS; account++) {
      String country = COUNTRIES.get((int) (account % COUNTRIES.size()));
      boolean nanp = country.equals("CA") || country.equals("US");
      String areaCode = nanp ? String.valueOf(200 + random.nextInt(700)) : "20";
      AccountPolicy.Builder policy =
          AccountPolicy.builder(account, plan(country, areaCode), account % 3 == 0, false, true)
              .allowCountry("GB")
              .allowCountry(nanp ? "FR" : "US");
      rules += 2;
      for (int e = 0; e < EXTENSIONS; e++) {
        policy.extension(extension(e), ClassOfService.values()[e % 4], false, e % 7 == 0, false);
      }
      for (int r = 0; r < RULES_PER_ACCOUNT - 2; r++) {
        ExtensionNumber scope = r % 2 == 0 ? null : extension(random.nextInt(EXTENSIONS));
        E164Number number =
            new E164Number("+1" + areaCode + (2_000_000 + random.nextInt(7_999_999)));
        switch (r % 4) {
          case 0 -> policy.allowNumber(ruleId++, scope, number);
          case 1 -> policy.blockNumber(ruleId++, scope, number);
          case 2 -> policy.blockPrefix(ruleId++, scope, "+44" + (1 + random.nextInt(9)));
          default -> policy.blockPrefix(ruleId++, scope, "+1" + (200 + random.nextInt(700)));
        }
        rules++;
      }
      source.put(policy.build());
    }
    decisions =
        new CallDecisions(
            source,
            new NumberClassifier(),
            RatedPrefixes.everything(),
            BenchUsageGates.withCaps(
                ACCOUNTS,
                Map.of(extension(0).digits(), 4, extension(1).digits(), 2),
                extension(0).digits(),
                3,
                Clock.fixed(NOW, ZoneOffset.UTC)),
            Duration.ofMinutes(1),
            System::nanoTime);
    accounts = new AccountId[DIALLED];
    extensions = new ExtensionNumber[DIALLED];
    dialled = new String[DIALLED];
    for (int i = 0; i < DIALLED; i++) {
      accounts[i] = AccountId.of(1 + random.nextInt(ACCOUNTS));
      extensions[i] = extension(random.nextInt(EXTENSIONS + 2));
      dialled[i] = dialledString(random);
    }
  }

  private int next;
  private long fresh = 2_000_000;

  @Benchmark
  public Decision decideWarm() {
    int i = next++ % DIALLED;
    if (next == DIALLED) {
      next = 0;
    }
    return decisions.decide(accounts[i], extensions[i], dialled[i], NOW);
  }

  @Benchmark
  public Decision decideNewNumber() {
    int i = next++ % DIALLED;
    if (next == DIALLED) {
      next = 0;
    }
    fresh = fresh == 9_999_999 ? 2_000_000 : fresh + 1;
    return decisions.decide(accounts[i], extensions[i], "+1416" + fresh, NOW);
  }

  private static String dialledString(SplittableRandom random) {
    int line = 1_000 + random.nextInt(9_000);
    return switch (random.nextInt(12)) {
      case 0 -> "613 555 " + line;
      case 1 -> "1 416 " + (200 + random.nextInt(700)) + " " + line;
      case 2 -> "+1 212 736 " + line;
      case 3 -> "011 44 20 7946 " + line;
      case 4 -> "+33 1 42 68 " + line;
      case 5 -> "1 900 234 " + line;
      case 6 -> "1-800-267-" + line;
      case 7 -> "911";
      case 8 -> String.valueOf(200 + random.nextInt(100));
      case 9 -> "+881 6 1234 " + line;
      case 10 -> "+1 876 927 " + line;
      default -> "613-555-O" + line;
    };
  }

  private static ExtensionNumber extension(int index) {
    return new ExtensionNumber(String.valueOf(200 + index));
  }

  private static DialPlan plan(String country, String areaCode) {
    return new DialPlan(country, List.of(areaCode), ExtensionRange.DEFAULT);
  }
}
