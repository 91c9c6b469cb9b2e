package io.dialtone.did.control;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.entity.Did;
import io.dialtone.kernel.control.AccountScope;
import java.io.Serializable;

/**
 * A DID as the pages show it: its number, the account holding it (the platform's inventory, a
 * reseller or a customer), whether it rings an extension or which ring group, its continuity
 * destination and how long the extension rings before it (null: the default).
 */
public record DidView(
    long id,
    String number,
    long holderId,
    String holderName,
    String holderNumber,
    AccountKind holderKind,
    Long extensionId,
    String continuityDestination,
    Integer ringTimeoutSeconds,
    Long ringGroupId)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The view of {@code did}; its route counts only when the extension is in {@code live}. */
  static DidView of(Did did, AccountView holder, java.util.Set<Long> live) {
    return new DidView(
        did.getId(),
        did.getNumber().value(),
        did.getAccountId(),
        holder == null ? null : holder.name(),
        holder == null ? null : holder.accountNumber(),
        holder == null ? null : holder.kind(),
        did.getExtensionId() != null && live.contains(did.getExtensionId())
            ? did.getExtensionId()
            : null,
        did.getContinuityDestination(),
        did.getRingTimeoutSeconds(),
        did.getRingGroupId());
  }

  /** Whether the number is still in the platform's inventory. */
  public boolean inInventory() {
    return holderId == AccountScope.PLATFORM_ACCOUNT_ID;
  }
}
