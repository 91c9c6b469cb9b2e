package io.dialtone.cdr.control;

/** How a call attempt ended. Stored as {@link #code()}: never renumber. */
public enum Disposition {
  ANSWERED(1),
  NO_ANSWER(2),
  BUSY(3),
  FAILED(4),
  /** Refused by the call policy or a usage cap before it was sent anywhere. */
  BLOCKED(5);

  private final int code;

  Disposition(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Disposition ofCode(int code) {
    for (Disposition d : values()) {
      if (d.code == code) {
        return d;
      }
    }
    throw new IllegalArgumentException("no disposition " + code);
  }

  /** The message bundle key, e.g. {@code Disposition.BLOCKED}. */
  public String messageKey() {
    return "Disposition." + name();
  }
}
