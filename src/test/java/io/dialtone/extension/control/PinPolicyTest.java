package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PinPolicyTest {

  private static final ExtensionNumber EXTENSION = new ExtensionNumber("4271");
  private static final List<String> DIDS = List.of("+16135550187");

  /** A stand-in for a real hash: the PIN reversed, so a test can tell hash from PIN. */
  private static final PinHashes REVERSED =
      (pin, hash) -> new StringBuilder(pin).reverse().toString().equals(hash);

  private final PinPolicy policy = new PinPolicy();

  private List<PinViolation> check(String pin) {
    return policy.check(pin, EXTENSION, DIDS, List.of(), REVERSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"739184", "5820471", "90713528", "8264019375"})
  void unremarkablePinsOfSixToTenDigitsAreAccepted(String pin) {
    assertThat(check(pin)).isEmpty();
  }

  @Test
  void fiveDigitsAreTooShort() {
    assertThat(check("73918")).containsExactly(PinViolation.TOO_SHORT);
  }

  @Test
  void elevenDigitsAreTooLong() {
    assertThat(check("73918462057")).containsExactly(PinViolation.TOO_LONG);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"73918a", "7391 84", "７３９１８４", "-739184"})
  void onlyAsciiDigitsAreAccepted(String pin) {
    assertThat(check(pin)).contains(PinViolation.NOT_DIGITS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000", "777777", "9999999999"})
  void oneDigitRepeatedIsRefused(String pin) {
    assertThat(check(pin))
        .contains(PinViolation.ALL_SAME_DIGIT)
        .doesNotContain(PinViolation.SEQUENCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456",
        "654321",
        "890123",
        "210987",
        "0123456789",
        "9876543210",
        "567890",
        "3456789012"
      })
  void runsUpOrDownAreRefusedAlsoWhenTheyWrap(String pin) {
    assertThat(check(pin)).contains(PinViolation.SEQUENCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"124567", "135791", "123465"})
  void almostRunsAreNotRuns(String pin) {
    assertThat(check(pin)).doesNotContain(PinViolation.SEQUENCE);
  }

  @Test
  void theExtensionRepeatedIsRefused() {
    assertThat(check("427142")).containsExactly(PinViolation.EXTENSION);
    assertThat(check("42714271")).containsExactly(PinViolation.EXTENSION);
  }

  @Test
  void theExtensionItselfIsRefusedWhenLongEnough() {
    ExtensionNumber sixDigits = new ExtensionNumber("583920");

    assertThat(policy.check("583920", sixDigits, List.of(), List.of(), REVERSED))
        .containsExactly(PinViolation.EXTENSION);
    assertThat(policy.check("029385", sixDigits, List.of(), List.of(), REVERSED))
        .containsExactly(PinViolation.EXTENSION_REVERSED);
  }

  @Test
  void theExtensionReversedIsRefused() {
    assertThat(check("172417")).containsExactly(PinViolation.EXTENSION_REVERSED);
  }

  @Test
  void theDidsLastDigitsAreRefused() {
    assertThat(check("550187")).containsExactly(PinViolation.DID_DIGITS);
    assertThat(check("35550187")).containsExactly(PinViolation.DID_DIGITS);
    assertThat(check("6135550187")).containsExactly(PinViolation.DID_DIGITS);
    assertThat(check("55018793")).containsExactly(PinViolation.DID_DIGITS);
  }

  @Test
  void everyDidCountsWhateverItsWrittenForm() {
    List<PinViolation> violations =
        policy.check(
            "449021", EXTENSION, List.of("+16135550187", "+1 (819) 744-9021"), List.of(), REVERSED);

    assertThat(violations).containsExactly(PinViolation.DID_DIGITS);
  }

  @Test
  void theLastFourPinsAreRefusedTheFifthIsNot() {
    List<String> newestFirst = List.of("481937", "581937", "681937", "781937", "881937");

    assertThat(policy.check("739184", EXTENSION, DIDS, newestFirst, REVERSED))
        .containsExactly(PinViolation.RECENTLY_USED);
    assertThat(policy.check("739187", EXTENSION, DIDS, newestFirst, REVERSED))
        .containsExactly(PinViolation.RECENTLY_USED);
    assertThat(policy.check("739188", EXTENSION, DIDS, newestFirst, REVERSED)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"121212", "112233", "159753", "147258", "19851985", "520520", "123123"})
  void commonPinsAreRefused(String pin) {
    assertThat(check(pin)).contains(PinViolation.TOO_COMMON);
  }

  @Test
  void severalRulesAreReportedTogether() {
    ExtensionNumber extension = new ExtensionNumber("123456");

    assertThat(
            policy.check("123456", extension, List.of("+16135123456"), List.of("654321"), REVERSED))
        .containsExactly(
            PinViolation.SEQUENCE,
            PinViolation.EXTENSION,
            PinViolation.DID_DIGITS,
            PinViolation.RECENTLY_USED,
            PinViolation.TOO_COMMON);
  }

  @Test
  void theCommonListIsBundledAndWellFormed() {
    assertThat(PinPolicy.commonPins())
        .hasSizeGreaterThanOrEqualTo(100)
        .contains("123456", "000000", "111111", "121212", "112233", "159753")
        .allMatch(pin -> pin.matches("[0-9]{6,10}"));
  }

  @Test
  void violationsMapToMessageKeys() {
    assertThat(PinViolation.SEQUENCE.messageKey()).isEqualTo("pin.violation.SEQUENCE");
  }
}
