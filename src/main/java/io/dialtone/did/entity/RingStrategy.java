package io.dialtone.did.entity;

/** How a ring group rings its members. */
public enum RingStrategy {
  /** Every member's registered phones ring at once; the first to answer takes the call. */
  SIMULTANEOUS,
  /** Each member's phones ring for the group's ring time, then the next member's, in order. */
  IN_ORDER
}
