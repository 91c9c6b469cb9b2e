package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.extension.control.ExtensionRefused.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Extension numbers: 2 to 6 digits, never an emergency number or a number starting with one. */
class ExtensionNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"10", "201", "4000", "88888", "123456", " 201 "})
  void numbersInTheRangeAreAccepted(String number) {
    assertThat(ExtensionNumbers.refusal(number)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'', NUMBER_INVALID",
    "20a, NUMBER_INVALID",
    "+201, NUMBER_INVALID",
    "1, NUMBER_OUT_OF_RANGE",
    "1234567, NUMBER_OUT_OF_RANGE",
    "911, EMERGENCY_NUMBER",
    "112, EMERGENCY_NUMBER",
    "933, EMERGENCY_NUMBER",
    "999, EMERGENCY_NUMBER",
    "15, EMERGENCY_NUMBER",
    "18, EMERGENCY_NUMBER",
    "9110, EMERGENCY_NUMBER",
    "11234, EMERGENCY_NUMBER"
  })
  void otherNumbersAreRefusedWithTheirReason(String number, Reason reason) {
    assertThat(ExtensionNumbers.refusal(number)).contains(reason);
  }
}
