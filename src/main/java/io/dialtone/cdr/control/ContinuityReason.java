package io.dialtone.cdr.control;

/**
 * Why a call to an extension went to its service continuity destination. Stored by name: never
 * rename.
 */
public enum ContinuityReason {
  /** No phone of the extension was registered. */
  NOT_REGISTERED,
  /** Every registered phone failed: no answer at all, a transport error or a server error. */
  UNREACHABLE,
  /** The phones rang and nobody answered within the ring timeout. */
  NO_ANSWER;

  /** The message bundle key, e.g. {@code ContinuityReason.NO_ANSWER}. */
  public String messageKey() {
    return "ContinuityReason." + name();
  }
}
