package io.dialtone.call.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.callpolicy.control.Classification;
import io.dialtone.callpolicy.control.DestinationClass;
import io.dialtone.callpolicy.control.ExtensionRange;
import io.dialtone.callpolicy.control.NumberClassifier;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.extension.control.CallingParty;
import io.dialtone.kernel.entity.AccountId;
import io.dialtone.kernel.entity.ExtensionNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dialled string read in the account's country (the real classifier), then routed. */
class DialledRouteTest {

  private static final NumberClassifier CLASSIFIER = new NumberClassifier();
  private static final DialPlan OTTAWA = new DialPlan("CA", List.of("613"), ExtensionRange.DEFAULT);
  private static final DialPlan LONDON = new DialPlan("GB", List.of(), ExtensionRange.DEFAULT);

  private static final Map<String, CallingParty> EXTENSIONS =
      Map.of(
          "202", party(2, "202", true),
          "203", party(3, "203", false),
          "911", party(9, "911", true),
          "112", party(12, "112", true));

  @Test
  void aShortNumberOfALiveEnabledExtensionIsInternal() {
    assertThat(route("202", OTTAWA)).isEqualTo(new DialledRoute.ToExtension(EXTENSIONS.get("202")));
  }

  @Test
  void aDisabledExtensionIsUnavailableAndAnUnusedShortNumberIsNoExtension() {
    assertThat(route("203", OTTAWA)).isEqualTo(new DialledRoute.Unavailable(EXTENSIONS.get("203")));
    assertThat(route("204", OTTAWA)).isEqualTo(new DialledRoute.NoSuchExtension("204"));
  }

  @Test
  void emergencyNumbersGoOutEvenWhenAnExtensionHasTheirNumber() {
    assertThat(reading("911", OTTAWA).destination()).isEqualTo(DestinationClass.EMERGENCY);
    assertThat(route("911", OTTAWA)).isInstanceOf(DialledRoute.Outside.class);
    assertThat(route("112", OTTAWA)).isInstanceOf(DialledRoute.Outside.class);
    assertThat(route("999", LONDON)).isInstanceOf(DialledRoute.Outside.class);
    assertThat(reading("999", LONDON).destination()).isEqualTo(DestinationClass.EMERGENCY);
  }

  @Test
  void numbersAreReadInTheAccountsCountry() {
    Classification seven = reading("5550123", OTTAWA);
    assertThat(seven.number().value()).isEqualTo("+16135550123");
    assertThat(route("5550123", OTTAWA)).isInstanceOf(DialledRoute.Outside.class);
    assertThat(reading("011 44 20 7946 0000", OTTAWA).number().value()).isEqualTo("+442079460000");
    assertThat(reading("020 7946 0000", LONDON).number().value()).isEqualTo("+442079460000");
    assertThat(reading("+15145550100", LONDON).destination())
        .isEqualTo(DestinationClass.INTERNATIONAL);
    assertThat(route("1 900 555 0100", OTTAWA)).isInstanceOf(DialledRoute.Outside.class);
  }

  private static DialledRoute route(String dialled, DialPlan plan) {
    return DialledRoute.of(
        reading(dialled, plan), number -> Optional.ofNullable(EXTENSIONS.get(number.digits())));
  }

  private static Classification reading(String dialled, DialPlan plan) {
    return CLASSIFIER.classify(dialled, plan);
  }

  private static CallingParty party(long id, String number, boolean active) {
    return new CallingParty(id, AccountId.of(7), new ExtensionNumber(number), active, null);
  }
}
