package io.dialtone.trunk.control;

/** What a change does to a trunk's digest login. */
sealed interface LoginChange {

  /** The trunk has no login and gets none. */
  record None() implements LoginChange {}

  /** The trunk keeps its password; username and realm as given ({@code null} realm: any). */
  record Keep(String username, String realm) implements LoginChange {}

  /** The trunk gets this password (new, or replacing the stored one). */
  record Set(String username, String password, String realm) implements LoginChange {

    @Override
    public String toString() {
      return "Set[username=" + username + ", password=***, realm=" + realm + "]";
    }
  }

  /** The trunk's login is removed. */
  record Remove() implements LoginChange {}
}
