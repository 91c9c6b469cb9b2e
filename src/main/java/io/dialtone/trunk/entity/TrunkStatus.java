package io.dialtone.trunk.entity;

/** What the last OPTIONS probes said of a trunk. */
public enum TrunkStatus {
  /** Not probed yet (or not since it was enabled): calls may use it. */
  UNKNOWN,
  /** Answered its last probe with anything but a 5xx status. */
  UP,
  /** Answered 5xx, or did not answer two probes in a row: calls skip it. */
  DOWN;

  /** Whether an ordinary call may be sent to a trunk in this state. */
  public boolean usable() {
    return this != DOWN;
  }
}
