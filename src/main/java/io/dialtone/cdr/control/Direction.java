package io.dialtone.cdr.control;

/** Which way a call went, seen from the account. Stored as {@link #code()}: never renumber. */
public enum Direction {
  /** From an extension of the account to the outside world (rated). */
  OUTBOUND(1),
  /** From outside to a DID or extension of the account. */
  INBOUND(2),
  /** Between two extensions of the account. */
  INTERNAL(3);

  private final int code;

  Direction(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Direction ofCode(int code) {
    for (Direction d : values()) {
      if (d.code == code) {
        return d;
      }
    }
    throw new IllegalArgumentException("no direction " + code);
  }

  /** The message bundle key, e.g. {@code Direction.OUTBOUND}. */
  public String messageKey() {
    return "Direction." + name();
  }
}
