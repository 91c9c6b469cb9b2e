package io.dialtone.call.control;

/** Who ended an answered call. */
public enum HangupSide {
  CALLER,
  CALLEE,
  MAX_DURATION,
  SYSTEM
}
