package io.dialtone.extension.boundary;

import io.dialtone.extension.entity.Extension;
import io.dialtone.extension.entity.ExtensionStatus;
import io.dialtone.kernel.entity.ExtensionType;
import java.io.Serializable;

/** One line of the extension list: what the page shows, no credential. */
public record ExtensionRow(
    long id,
    String number,
    String displayName,
    ExtensionType type,
    ExtensionStatus status,
    String assignedTo,
    String sipUser,
    String realm,
    boolean unused)
    implements Serializable {

  public static ExtensionRow of(Extension e, String assignedTo) {
    return of(e, assignedTo, false);
  }

  public static ExtensionRow of(Extension e, String assignedTo, boolean unused) {
    return new ExtensionRow(
        e.getId(),
        e.getNumber().digits(),
        e.getDisplayName(),
        e.getType(),
        e.getStatus(),
        assignedTo,
        e.getNumber().digits(),
        e.getRealm().value(),
        unused);
  }
}
