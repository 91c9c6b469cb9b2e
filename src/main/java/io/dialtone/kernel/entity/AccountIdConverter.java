package io.dialtone.kernel.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AccountId} as its number; applied to every attribute of that type. */
@Converter(autoApply = true)
public class AccountIdConverter implements AttributeConverter<AccountId, Long> {

  @Override
  public Long convertToDatabaseColumn(AccountId id) {
    return id == null ? null : id.value();
  }

  @Override
  public AccountId convertToEntityAttribute(Long value) {
    return value == null ? null : new AccountId(value);
  }
}
