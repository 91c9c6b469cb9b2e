package io.dialtone.kernel.entity;

/** The five roles of PRODUCT.md; they are also the Jakarta Security group names. */
public enum Role {
  CUSTOMER_USER,
  CUSTOMER_ADMIN,
  RESELLER_ADMIN,
  SUPPORT_AGENT,
  PLATFORM_ADMIN
}
