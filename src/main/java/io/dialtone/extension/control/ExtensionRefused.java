package io.dialtone.extension.control;

/**
 * An extension change that breaks a rule people can fix (a number out of range or taken, an unknown
 * user...). Thrown before anything changed; shown through {@link Reason#messageKey()}.
 */
public class ExtensionRefused extends Exception {

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
    DESTINATION_BLOCKED;

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
    super(reason.name());
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
