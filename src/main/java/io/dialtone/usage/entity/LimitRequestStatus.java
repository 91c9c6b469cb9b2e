package io.dialtone.usage.entity;

/**
 * Where a limit-change request stands: PENDING until the reseller (or platform) administrator
 * APPROVES or REFUSES it; an approved temporary raise is ENDED at its end date. Stored by name.
 */
public enum LimitRequestStatus {
  PENDING,
  APPROVED,
  REFUSED,
  ENDED;

  public String messageKey() {
    return "LimitRequestStatus." + name();
  }
}
