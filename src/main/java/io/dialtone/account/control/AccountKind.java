package io.dialtone.account.control;

/** The level of an account in the tree: platform → reseller → customer. */
public enum AccountKind {
  PLATFORM,
  RESELLER,
  CUSTOMER
}
