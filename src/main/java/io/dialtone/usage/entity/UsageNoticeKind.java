package io.dialtone.usage.entity;

/**
 * What a portal notice of the usage page says; shown through {@code UsageNoticeKind.<NAME>} with
 * the cap, the amount and the detail as arguments. Stored by name, never renamed.
 */
public enum UsageNoticeKind {
  /** Usage reached 80 % of a cap. Amount: "used / cap". */
  ALERT_80,
  /** Usage reached a cap: new calls are refused until the period ends. Amount: "used / cap". */
  ALERT_100,
  /** A limit request was approved. Amount: the new cap; detail: the comment. */
  REQUEST_APPROVED,
  /** A limit request was refused. Amount: the amount asked; detail: the comment. */
  REQUEST_REFUSED,
  /** A temporary raise ended. Amount: the cap in effect again (empty: none). */
  RAISE_ENDED,
  /** The calls in progress reached 80 % of the concurrent-call cap. Amount: "calls / cap". */
  CALLS_80,
  /** The calls in progress reached the concurrent-call cap: more are refused. Amount as above. */
  CALLS_100
}
