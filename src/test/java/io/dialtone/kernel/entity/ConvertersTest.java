package io.dialtone.kernel.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertersTest {

  @Test
  void eachTypeRoundTripsThroughItsColumn() {
    assertThat(roundTrip(new AccountIdConverter(), AccountId.of(7), 7L)).isEqualTo(AccountId.of(7));
    assertThat(roundTrip(new ExtensionNumberConverter(), new ExtensionNumber("0201"), "0201"))
        .isEqualTo(new ExtensionNumber("0201"));
    assertThat(roundTrip(new E164NumberConverter(), new E164Number("+15145550100"), "+15145550100"))
        .isEqualTo(new E164Number("+15145550100"));
    SipDomain domain = new SipDomain("c-000007.sip.example.com");
    assertThat(roundTrip(new SipDomainConverter(), domain, domain.value())).isEqualTo(domain);
  }

  @Test
  void nullStaysNull() {
    for (AttributeConverter<?, ?> c : converters()) {
      @SuppressWarnings("unchecked")
      AttributeConverter<Object, Object> any = (AttributeConverter<Object, Object>) c;
      assertThat(any.convertToDatabaseColumn(null)).isNull();
      assertThat(any.convertToEntityAttribute(null)).isNull();
    }
  }

  @Test
  void aBadStoredValueIsRefusedNotCarriedAlong() {
    assertThatThrownBy(() -> new ExtensionNumberConverter().convertToEntityAttribute("20x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new E164NumberConverter().convertToEntityAttribute("0044"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyConverterAppliesItself() {
    // autoApply: an entity attribute of the type needs no @Convert.
    for (AttributeConverter<?, ?> c : converters()) {
      assertThat(c.getClass().getAnnotation(Converter.class).autoApply()).isTrue();
    }
  }

  private static List<AttributeConverter<?, ?>> converters() {
    return List.of(
        new AccountIdConverter(),
        new ExtensionNumberConverter(),
        new E164NumberConverter(),
        new SipDomainConverter());
  }

  private static <X, Y> X roundTrip(AttributeConverter<X, Y> converter, X value, Y column) {
    Y stored = converter.convertToDatabaseColumn(value);
    assertThat(stored).isEqualTo(column);
    return converter.convertToEntityAttribute(stored);
  }
}
