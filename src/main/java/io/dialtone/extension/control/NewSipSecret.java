package io.dialtone.extension.control;

/**
 * A SIP secret just generated, for showing once (page) or exporting once (bulk CSV): never stored,
 * never logged. {@link #toString()} leaves the secret out.
 */
public record NewSipSecret(long extensionId, String number, String realm, String secret)
    implements java.io.Serializable {

  /** The SIP user name (the user part of the phone's address): the extension number. */
  public String sipUser() {
    return number;
  }

  @Override
  public String toString() {
    return "NewSipSecret[" + number + "@" + realm + "]";
  }
}
