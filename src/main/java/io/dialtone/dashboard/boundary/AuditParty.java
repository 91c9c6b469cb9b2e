package io.dialtone.dashboard.boundary;

/**
 * Who an audit row names (its actor, the account acted for, its target), as people read it.
 *
 * @param name a person's name, an account's name, or the words for the system
 * @param email a person's e-mail, an account's number, or {@code null}
 * @param outcome the page that shows it, when the viewer may open it, else {@code null}
 * @param id the {@code id} view parameter of that page
 */
public record AuditParty(String name, String email, String outcome, Long id) {

  static AuditParty plain(String name) {
    return new AuditParty(name, null, null, null);
  }
}
