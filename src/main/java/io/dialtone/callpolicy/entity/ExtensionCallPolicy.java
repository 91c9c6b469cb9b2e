package io.dialtone.callpolicy.entity;

import io.dialtone.callpolicy.control.ClassOfService;
import io.dialtone.kernel.entity.ExtensionNumber;
import io.dialtone.kernel.entity.ExtensionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * One extension's narrowing of its account's call policy: class of service and extra blocks (it can
 * only block more). Equal by account and extension number.
 */
@Entity
@Table(name = "call_policy_extension")
@NamedQuery(
    name = ExtensionCallPolicy.LIST_BY_ACCOUNT,
    query = "SELECT e FROM ExtensionCallPolicy e WHERE e.accountId = :accountId")
public class ExtensionCallPolicy {

  /** Every extension policy of an account; parameter {@code accountId}. */
  public static final String LIST_BY_ACCOUNT = "ExtensionCallPolicy.listByAccount";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(
      name = "extension_number",
      nullable = false,
      length = ExtensionNumber.MAX_DIGITS,
      updatable = false)
  private String extensionNumber;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "class_of_service", nullable = false, length = 16)
  private ClassOfService classOfService;

  @Column(name = "block_international", nullable = false)
  private boolean blockInternational;

  @Column(name = "block_long_distance", nullable = false)
  private boolean blockLongDistance;

  @Column(name = "block_premium", nullable = false)
  private boolean blockPremium;

  @Version private long version;

  protected ExtensionCallPolicy() {}

  /** The policy of a new extension of {@code type}: its type's class of service, no extra block. */
  public static ExtensionCallPolicy forNew(
      long accountId, ExtensionNumber extension, ExtensionType type) {
    ExtensionCallPolicy policy = new ExtensionCallPolicy();
    policy.accountId = accountId;
    policy.extensionNumber = extension.digits();
    policy.classOfService = ClassOfService.defaultFor(type);
    return policy;
  }

  public void changeClassOfService(ClassOfService classOfService) {
    this.classOfService = Objects.requireNonNull(classOfService);
  }

  public void changeBlocks(
      boolean blockInternational, boolean blockLongDistance, boolean blockPremium) {
    this.blockInternational = blockInternational;
    this.blockLongDistance = blockLongDistance;
    this.blockPremium = blockPremium;
  }

  public long getAccountId() {
    return accountId;
  }

  public ExtensionNumber getExtension() {
    return new ExtensionNumber(extensionNumber);
  }

  public ClassOfService getClassOfService() {
    return classOfService;
  }

  public boolean isBlockInternational() {
    return blockInternational;
  }

  public boolean isBlockLongDistance() {
    return blockLongDistance;
  }

  public boolean isBlockPremium() {
    return blockPremium;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensionCallPolicy other
        && accountId == other.accountId
        && Objects.equals(extensionNumber, other.extensionNumber);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, extensionNumber);
  }
}
