package io.dialtone.extension.control;

import io.dialtone.platform.control.Refusal;
import java.util.List;

/**
 * An extension change that breaks a rule people can fix (a number out of range or taken, an unknown
 * user...). Thrown before anything changed; explained by {@link Reason#messageKey()}, then by the
 * detail if there is one.
 */
public class ExtensionRefused extends Refusal {

  private static final long serialVersionUID = 1L;

  /** Why; each has the message {@code extensions.refused.<NAME>}. */
  public enum Reason {
    NUMBER_INVALID,
    NUMBER_OUT_OF_RANGE,
    EMERGENCY_NUMBER,
    NUMBER_TAKEN,
    NAME_INVALID,
    TYPE_INVALID,
    USER_NOT_IN_ACCOUNT,
    MAX_REGISTRATIONS_INVALID,
    DESTINATION_BLOCKED,
    CALLER_ID_NOT_HELD,
    RING_TIMEOUT_INVALID;

    public String messageKey() {
      return "extensions.refused." + name();
    }
  }

  private final Reason reason;
  private final String detailKey;

  public ExtensionRefused(Reason reason) {
    this(reason, null);
  }

  /** With the message key of a detail, e.g. the deciding rule of a blocked destination. */
  public ExtensionRefused(Reason reason, String detailKey) {
    super(
        detailKey == null
            ? List.of(Refusal.Explanation.of(reason.messageKey()))
            : List.of(
                Refusal.Explanation.of(reason.messageKey()), Refusal.Explanation.of(detailKey)));
    this.reason = reason;
    this.detailKey = detailKey;
  }

  public Reason reason() {
    return reason;
  }

  /** The message key of the detail, or {@code null}. */
  public String detailKey() {
    return detailKey;
  }
}
