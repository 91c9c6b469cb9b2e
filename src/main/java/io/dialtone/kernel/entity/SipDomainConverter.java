package io.dialtone.kernel.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SipDomain} as its lower-case name; applied to every attribute of that type. */
@Converter(autoApply = true)
public class SipDomainConverter implements AttributeConverter<SipDomain, String> {

  @Override
  public String convertToDatabaseColumn(SipDomain domain) {
    return domain == null ? null : domain.value();
  }

  @Override
  public SipDomain convertToEntityAttribute(String value) {
    return value == null ? null : new SipDomain(value);
  }
}
