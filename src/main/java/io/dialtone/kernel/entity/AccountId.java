package io.dialtone.kernel.entity;

/**
 * The identity of an account (reseller, customer or the platform's own): its database id, always
 * positive. A distinct type so that an account id is never passed where an extension or user id is
 * expected. Equal when the ids are.
 */
public record AccountId(long value) {

  public AccountId {
    if (value <= 0) {
      throw new IllegalArgumentException("not an account id");
    }
  }

  /** The id of the account whose database id is {@code value}. */
  public static AccountId of(long value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
