package io.dialtone.cdr.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DecidingRule;
import io.dialtone.callpolicy.control.Decision;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.E164Number;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call record's invariants and the compact trunk-attempt column. */
class CallRecordTest {

  private static final Instant T = Instant.parse("2026-11-20T15:00:00.123456789Z");

  @Test
  void aBlockedAttemptKeepsTheDecidingRuleAndItsId() {
    Decision decision =
        new Decision(
            DecidingRule.PLATFORM_BLOCKED_RANGE,
            7L,
            new Classification(
                DestinationClass.INTERNATIONAL, "88213", new E164Number("+88213"), "001", true));

    CallRecord r =
        CallRecord.blocked(
            AccountId.of(9),
            new ExtensionNumber("201"),
            "+15145550100",
            "011 882 13",
            decision,
            T,
            "c1@x");

    assertThat(r.disposition()).isEqualTo(Disposition.BLOCKED);
    assertThat(r.blockReason()).isEqualTo(DecidingRule.PLATFORM_BLOCKED_RANGE);
    assertThat(r.blockRuleId()).isEqualTo(7L);
    assertThat(r.callee()).isEqualTo("+88213");
    assertThat(r.remoteDigits()).isEqualTo("88213");
    assertThat(r.country()).isNull(); // libphonenumber's non-geographic "001"
    assertThat(r.start()).isEqualTo(Instant.parse("2026-11-20T15:00:00.123456Z"));
    assertThat(r.billsec()).isZero();
  }

  @Test
  void invariantsAreChecked() {
    assertThatThrownBy(() -> answered(Disposition.NO_ANSWER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CallRecord(
                    AccountId.of(1),
                    new ExtensionNumber("201"),
                    Direction.OUTBOUND,
                    "201",
                    "+15145550100",
                    "15145550100",
                    DestinationClass.LOCAL,
                    "CA",
                    T,
                    T.plusSeconds(5),
                    T.plusSeconds(65),
                    59,
                    Disposition.ANSWERED,
                    null,
                    null,
                    null,
                    List.of(),
                    "c@x"))
        .hasMessageContaining("billsec");
    assertThatThrownBy(
            () ->
                new CallRecord(
                    AccountId.of(1),
                    new ExtensionNumber("201"),
                    Direction.OUTBOUND,
                    "201",
                    "+15145550100",
                    "15145550100",
                    DestinationClass.LOCAL,
                    "CA",
                    T,
                    null,
                    T,
                    0,
                    Disposition.BLOCKED,
                    DecidingRule.NO_RULE_AGAINST,
                    null,
                    null,
                    List.of(),
                    "c@x"))
        .hasMessageContaining("block reason");
    assertThat(answered(Disposition.ANSWERED).billsec()).isEqualTo(60);
  }

  @Test
  void trunkAttemptsRoundTrip() {
    List<TrunkAttempt> attempts =
        List.of(new TrunkAttempt("sbc-mtl-1", 503), new TrunkAttempt("carrier_b", 200));

    assertThat(TrunkAttempt.encode(attempts)).isEqualTo("sbc-mtl-1=503,carrier_b=200");
    assertThat(TrunkAttempt.decode("sbc-mtl-1=503,carrier_b=200")).isEqualTo(attempts);
    assertThat(TrunkAttempt.encode(List.of())).isNull();
    assertThat(TrunkAttempt.decode(null)).isEmpty();
    assertThatThrownBy(() -> new TrunkAttempt("a,b", 200))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moneyNeverAddsTwoCurrencies() {
    assertThat(Money.of(new java.math.BigDecimal("1.50"), "CAD"))
        .isEqualTo(Money.of(new java.math.BigDecimal("1.5"), "CAD"));
    assertThatThrownBy(() -> Money.zero("CAD").plus(Money.zero("USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static CallRecord answered(Disposition disposition) {
    return new CallRecord(
        AccountId.of(1),
        new ExtensionNumber("201"),
        Direction.OUTBOUND,
        "201",
        "+15145550100",
        "15145550100",
        DestinationClass.LOCAL,
        "CA",
        T,
        T.plusSeconds(5),
        T.plusSeconds(65),
        60,
        disposition,
        null,
        null,
        "sbc-mtl-1",
        List.of(new TrunkAttempt("sbc-mtl-1", 200)),
        "c@x");
  }
}
