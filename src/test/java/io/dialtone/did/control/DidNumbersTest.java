package io.dialtone.did.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.kernel.entity.E164Number;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed DIDs become E.164 numbers with libphonenumber; ranges and lists have their limits. */
class DidNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "'+1 613 555 0123', CA, +16135550123",
    "'(613) 555-0123', CA, +16135550123",
    "'1 613 555 0123', CA, +16135550123",
    "'613.555.0123', CA, +16135550123",
    "'202 555 0143', US, +12025550143",
    "'01 23 45 67 89', FR, +33123456789",
    "'06 12 34 56 78', fr, +33612345678",
    "'+33 1 23 45 67 89', CA, +33123456789"
  })
  void nationalAndInternationalFormsBecomeOneE164Number(String typed, String country, String e164)
      throws DidRefused {
    assertThat(DidNumbers.parse(typed, country)).isEqualTo(new E164Number(e164));
  }

  @Test
  void theSameNationalDigitsMeanADifferentNumberInAnotherCountry() throws DidRefused {
    assertThat(DidNumbers.parse("0123456789", "FR").value()).isEqualTo("+33123456789");
    assertThat(DidNumbers.parseOrNull("0123456789", "CA")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"555-0123", "12", "+1 613 555", "abc", "613 555 0123 x12", "+0 613"})
  void whatIsNoValidNumberIsRefusedAndNamed(String typed) {
    assertThatThrownBy(() -> DidNumbers.parse(typed, "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("dids.refused.invalid");
              assertThat(e.arguments()).containsExactly(typed);
            });
  }

  @Test
  void emptyTextIsRefusedAsEmpty() {
    for (String empty : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> DidNumbers.parse(empty, "CA"))
          .isInstanceOfSatisfying(
              DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.empty"));
    }
  }

  @Test
  void aRangeHoldsEveryNumberFromFirstToLastInOrder() throws DidRefused {
    List<E164Number> range = DidNumbers.range("(613) 555-0198", "+1 613 555 0203", "CA");
    assertThat(range)
        .extracting(E164Number::value)
        .containsExactly(
            "+16135550198",
            "+16135550199",
            "+16135550200",
            "+16135550201",
            "+16135550202",
            "+16135550203");
    assertThat(DidNumbers.range("613 555 0100", "613 555 0100", "CA")).hasSize(1);
  }

  @Test
  void aRangeOfTenThousandIsTheLimit() throws DidRefused {
    assertThat(DidNumbers.range("+16135550000", "+16135559999", "CA"))
        .hasSize(DidNumbers.MAX_RANGE)
        .last()
        .isEqualTo(new E164Number("+16135559999"));
    assertThatThrownBy(() -> DidNumbers.range("+16135540000", "+16135550000", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("dids.refused.rangeTooLarge");
              assertThat(e.arguments()).containsExactly("10001", "10000");
            });
    assertThatThrownBy(() -> DidNumbers.range("+16135000000", "+16139999999", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("dids.refused.rangeTooLarge"));
  }

  @Test
  void aReversedOrUnevenRangeIsRefused() {
    assertThatThrownBy(() -> DidNumbers.range("+16135550200", "+16135550100", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.rangeOrder"));
    assertThatThrownBy(() -> DidNumbers.range("+16135550200", "+442079460000", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("dids.refused.rangeLengths"));
    assertThatThrownBy(() -> DidNumbers.range("+16135550200", "nope", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.invalid"));
  }

  @Test
  void aListOrOneColumnCsvGivesEachNumberOnce() throws DidRefused {
    String csv =
        "number\n\"+1 613 555 0123\"\r\n(613) 555-0124, 613 555 0123;\n\n+33 1 23 45 67 89\n";
    assertThat(DidNumbers.list(csv, "CA"))
        .extracting(E164Number::value)
        .containsExactly("+16135550123", "+16135550124", "+33123456789");
  }

  @Test
  void oneWrongItemRefusesTheListNamingIt() {
    assertThatThrownBy(() -> DidNumbers.list("+16135550123\n555-01\n+16135550124", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("dids.refused.invalid");
              assertThat(e.arguments()).containsExactly("555-01");
            });
    assertThatThrownBy(() -> DidNumbers.list("number\n,,\n", "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.empty"));
  }

  @Test
  void aListLongerThanTenThousandIsRefused() {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n <= DidNumbers.MAX_RANGE; n++) {
      text.append(String.format("+1613%07d%n", 5_550_000 + n));
    }
    assertThatThrownBy(() -> DidNumbers.list(text.toString(), "CA"))
        .isInstanceOfSatisfying(
            DidRefused.class, e -> assertThat(e.messageKey()).isEqualTo("dids.refused.tooMany"));
  }
}
