package io.dialtone.callpolicy.control;

/** The outcome of a call policy decision. */
public enum Verdict {
  ALLOW,
  BLOCK;

  /** The message bundle key, e.g. {@code Verdict.BLOCK}. */
  public String messageKey() {
    return "Verdict." + name();
  }
}
