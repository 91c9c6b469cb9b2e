package io.dialtone.kernel.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an {@link E164Number} as {@code +} and digits; applied to every attribute of that type.
 */
@Converter(autoApply = true)
public class E164NumberConverter implements AttributeConverter<E164Number, String> {

  @Override
  public String convertToDatabaseColumn(E164Number number) {
    return number == null ? null : number.value();
  }

  @Override
  public E164Number convertToEntityAttribute(String value) {
    return value == null ? null : new E164Number(value);
  }
}
