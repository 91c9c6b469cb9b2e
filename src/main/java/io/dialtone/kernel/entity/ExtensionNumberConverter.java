package io.dialtone.kernel.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link ExtensionNumber} as its digits; applied to every attribute of that type. */
@Converter(autoApply = true)
public class ExtensionNumberConverter implements AttributeConverter<ExtensionNumber, String> {

  @Override
  public String convertToDatabaseColumn(ExtensionNumber number) {
    return number == null ? null : number.digits();
  }

  @Override
  public ExtensionNumber convertToEntityAttribute(String digits) {
    return digits == null ? null : new ExtensionNumber(digits);
  }
}
