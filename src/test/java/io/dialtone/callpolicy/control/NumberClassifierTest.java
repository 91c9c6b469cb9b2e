package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.entity.DialPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberClassifierTest {

  static final Map<String, DialPlan> PLANS =
      Map.of(
          "OTTAWA", plan("CA", "613", "343"),
          "KINGSTON", plan("CA", "613"),
          "NYC", plan("US", "212", "646"),
          "UK", plan("GB"),
          "LONDON", plan("GB", "20"),
          "FR", plan("FR"));

  private final NumberClassifier classifier = new NumberClassifier();

  @ParameterizedTest(name = "{0}: {1} → {2} {3} {4}")
  @CsvSource({
    // Canada (Ottawa: local area codes 613 and 343)
    "OTTAWA, +1 613 555 0123,        LOCAL,         +16135550123,  CA",
    "OTTAWA, 613-555-0123,           LOCAL,         +16135550123,  CA",
    "OTTAWA, 1 (613) 555-0123,       LOCAL,         +16135550123,  CA",
    "OTTAWA, 343.555.0123,           LOCAL,         +13435550123,  CA",
    "OTTAWA, 416 555 0199,           NATIONAL,      +14165550199,  CA",
    "OTTAWA, 1 212 736 5000,         NATIONAL,      +12127365000,  US",
    "OTTAWA, 1-800-267-2001,         TOLL_FREE,     +18002672001,  US",
    "OTTAWA, 1 900 234 5678,         PREMIUM,       +19002345678,  US",
    "OTTAWA, 416 976 1234,           PREMIUM,       +14169761234,  CA",
    "OTTAWA, 011 44 20 7946 0000,    INTERNATIONAL, +442079460000, GB",
    "OTTAWA, 00 44 20 7946 0000,     INTERNATIONAL, +442079460000, GB",
    "OTTAWA, +44 20 7946 0000,       INTERNATIONAL, +442079460000, GB",
    "OTTAWA, +44 800 123 4567,       INTERNATIONAL, +448001234567, GB",
    "OTTAWA, +1 876 927 1234,        INTERNATIONAL, +18769271234,  JM",
    "OTTAWA, 011 33 8 99 12 34 56,   PREMIUM,       +33899123456,  FR",
    // Kingston: one local area code, so seven digits work
    "KINGSTON, 555-0123,             LOCAL,         +16135550123,  CA",
    // United States (New York)
    "NYC, 212 736 5000,              LOCAL,         +12127365000,  US",
    "NYC, 1 613 555 0123,            NATIONAL,      +16135550123,  CA",
    "NYC, 1-800-555-0199,            TOLL_FREE,     +18005550199,  US",
    "NYC, 1 (900) 555-1234,          PREMIUM,       +19005551234,  US",
    "NYC, 011 33 1 42 68 53 00,      INTERNATIONAL, +33142685300,  FR",
    // United Kingdom
    "UK, 020 7946 0000,              NATIONAL,      +442079460000, GB",
    "LONDON, +44 20 7946 0000,       LOCAL,         +442079460000, GB",
    "UK, 09065 123456,               PREMIUM,       +449065123456, GB",
    "UK, 070 1234 5678,              PREMIUM,       +447012345678, GB",
    "UK, 0800 123 4567,              TOLL_FREE,     +448001234567, GB",
    "UK, 00 1 613 555 0123,          INTERNATIONAL, +16135550123,  CA",
    // France
    "FR, 01 42 68 53 00,             NATIONAL,      +33142685300,  FR",
    "FR, +33 1 42 68 53 00,          NATIONAL,      +33142685300,  FR",
    "FR, 06 12 34 56 78,             NATIONAL,      +33612345678,  FR",
    "FR, 08 99 12 34 56,             PREMIUM,       +33899123456,  FR",
    "FR, 0800 12 34 56,              TOLL_FREE,     +33800123456,  FR",
    "FR, 0044 20 7946 0000,          INTERNATIONAL, +442079460000, GB",
  })
  void classifiesNumbers(
      String plan, String dialled, DestinationClass expected, String e164, String country) {
    Classification c = classifier.classify(dialled, PLANS.get(plan));

    assertThat(c.destination()).isEqualTo(expected);
    assertThat(c.number()).hasToString(e164);
    assertThat(c.country()).isEqualTo(country);
    assertThat(c.digits()).isEqualTo(e164.substring(1));
  }

  @ParameterizedTest(name = "{0}: {1} is emergency")
  @CsvSource({
    "OTTAWA, 911",
    "OTTAWA, 933",
    "OTTAWA, 112",
    "NYC, 911",
    "NYC, 933",
    "NYC, 112",
    "UK, 999",
    "UK, 112",
    "UK, 911",
    "FR, 15",
    "FR, 17",
    "FR, 18",
    "FR, 112",
  })
  void emergencyNumbersComeBeforeExtensions(String plan, String dialled) {
    Classification c = classifier.classify(dialled, PLANS.get(plan));

    assertThat(c.destination()).isEqualTo(DestinationClass.EMERGENCY);
    assertThat(c.digits()).isEqualTo(dialled);
    assertThat(c.number()).isNull();
  }

  @Test
  void nineThirtyThreeIsOnlyAnEmergencyTestInNanp() {
    assertThat(classifier.classify("933", PLANS.get("UK")).destination())
        .isEqualTo(DestinationClass.INTERNAL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"20", "201", "4000", "123456"})
  void digitsWithinTheExtensionRangeAreInternal(String dialled) {
    Classification c = classifier.classify(dialled, PLANS.get("OTTAWA"));

    assertThat(c.destination()).isEqualTo(DestinationClass.INTERNAL);
    assertThat(c.digits()).isEqualTo(dialled);
  }

  @Test
  void aNarrowerExtensionRangeLeavesOtherShortStringsOutside() {
    DialPlan threeDigits = new DialPlan("CA", List.of("613"), new ExtensionRange(3, 3));

    assertThat(classifier.classify("201", threeDigits).destination())
        .isEqualTo(DestinationClass.INTERNAL);
    assertThat(classifier.classify("2015", threeDigits).destination())
        .isEqualTo(DestinationClass.INVALID);
  }

  @Test
  void sevenDigitsNeedExactlyOneLocalAreaCode() {
    assertThat(classifier.classify("555-0123", PLANS.get("OTTAWA")).destination())
        .isEqualTo(DestinationClass.INVALID);
    assertThat(classifier.classify("555-0123", plan("CA")).destination())
        .isEqualTo(DestinationClass.INVALID);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "+",
        "abc",
        "613-555-O123",
        "*67 613 555 0123",
        "++1 613 555 0123",
        "1+613 555 0123",
        "613_555_0123",
        "+1 613 555",
        "99999999999999999999",
        "sip:201@example.com",
        "6135550123;user=phone"
      })
  void garbageIsInvalid(String dialled) {
    Classification c = classifier.classify(dialled, PLANS.get("OTTAWA"));

    assertThat(c.destination()).isEqualTo(DestinationClass.INVALID);
    assertThat(c.number()).isNull();
  }

  @Test
  void overlongInputIsInvalidWithoutParsing() {
    assertThat(classifier.classify("1".repeat(10_000), PLANS.get("OTTAWA")).destination())
        .isEqualTo(DestinationClass.INVALID);
  }

  @Test
  void aPossibleNumberInNoAssignedRangeIsUnknown() {
    Classification c = classifier.classify("+1 555 555 5555", PLANS.get("OTTAWA"));

    assertThat(c.destination()).isEqualTo(DestinationClass.UNKNOWN);
    assertThat(c.number()).hasToString("+15555555555");
  }

  @Test
  void nonGeographicNumbersAreInternationalWithTheWorldRegion() {
    Classification c = classifier.classify("+881 6 1234 5678", PLANS.get("OTTAWA"));

    assertThat(c.foreign()).isTrue();
    assertThat(c.country()).isEqualTo("001");
  }

  @Test
  void theSameAnswerComesFromTheMemo() {
    DialPlan ottawa = PLANS.get("OTTAWA");

    assertThat(classifier.classify("613 555 0123", ottawa))
        .isEqualTo(classifier.classify("613 555 0123", ottawa))
        .isEqualTo(classifier.classify("+16135550123", ottawa));
  }

  static DialPlan plan(String country, String... localAreaCodes) {
    return new DialPlan(country, List.of(localAreaCodes), ExtensionRange.DEFAULT);
  }
}
