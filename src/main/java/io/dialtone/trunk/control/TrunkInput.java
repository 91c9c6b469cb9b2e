package io.dialtone.trunk.control;

import io.dialtone.trunk.entity.TrunkTransport;

/**
 * A trunk as a platform administrator typed it, unchecked: numbers as typed, source addresses as
 * one text (separated by spaces, commas or lines). {@link TrunkRules} reads it.
 *
 * @param password a new password; blank keeps the stored one (or sets none)
 * @param removeLogin the trunk is to have no credentials any more
 */
public record TrunkInput(
    String name,
    String host,
    String port,
    TrunkTransport transport,
    String priority,
    String weight,
    String maxChannels,
    String setupTimeout,
    String sources,
    String username,
    String password,
    String realm,
    boolean removeLogin) {

  /** What {@code toString} shows instead of a typed password. */
  private static final String HIDDEN = "***";

  @Override
  public String toString() {
    return "TrunkInput[name="
        + name
        + ", host="
        + host
        + ", port="
        + port
        + ", transport="
        + transport
        + ", username="
        + username
        + ", password="
        + (password == null || password.isEmpty() ? "" : HIDDEN)
        + ", removeLogin="
        + removeLogin
        + "]";
  }
}
