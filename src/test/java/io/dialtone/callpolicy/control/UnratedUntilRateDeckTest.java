package io.dialtone.callpolicy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dialtone.kernel.entity.E164Number;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Until the rate deck: nothing rated unless an operator lists prefixes (SECURITY.md E2). */
class UnratedUntilRateDeckTest {

  private static final E164Number LONDON = new E164Number("+442079460000");
  private static final E164Number OTTAWA = new E164Number("+16135550123");

  @Test
  void nothingIsRatedByDefault() {
    assertThat(
            new UnratedUntilRateDeck(Optional.empty()).isRated(LONDON, DestinationClass.NATIONAL))
        .isFalse();
  }

  @Test
  void listedPrefixesAreRated() {
    RateLookup rates = new UnratedUntilRateDeck(Optional.of(" +1, +33 ,"));
    assertThat(rates.isRated(OTTAWA, DestinationClass.LOCAL)).isTrue();
    assertThat(rates.isRated(LONDON, DestinationClass.INTERNATIONAL)).isFalse();
  }

  @Test
  void aMistypedPrefixIsRefusedNotIgnored() {
    assertThatThrownBy(() -> new UnratedUntilRateDeck(Optional.of("+1,44")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
