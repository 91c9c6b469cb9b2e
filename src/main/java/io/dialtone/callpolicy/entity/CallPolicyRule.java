package io.dialtone.callpolicy.entity;

import io.dialtone.kernel.entity.ExtensionNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's lists (allowed countries, local area codes, always-allowed and blocked
 * numbers, blocked prefixes), for the whole account or one extension. Immutable: a change is a
 * delete and an insert, so a rule id always means the same rule.
 */
@Entity
@Table(name = "call_policy_rule")
@NamedQuery(
    name = CallPolicyRule.LIST_BY_ACCOUNT,
    query = "SELECT r FROM CallPolicyRule r WHERE r.accountId = :accountId ORDER BY r.id")
public class CallPolicyRule {

  /** Every rule of an account; parameter {@code accountId}. */
  public static final String LIST_BY_ACCOUNT = "CallPolicyRule.listByAccount";

  public static final int VALUE_MAX = 16;
  public static final int EXTENSION_MAX = ExtensionNumber.MAX_DIGITS;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Size(max = EXTENSION_MAX)
  @Column(name = "extension_number", length = EXTENSION_MAX, updatable = false)
  private String extensionNumber;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private CustomRuleKind kind;

  @NotNull
  @Size(max = VALUE_MAX)
  @Column(name = "rule_value", nullable = false, length = VALUE_MAX, updatable = false)
  private String value;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CallPolicyRule() {}

  /**
   * A new rule of {@code kind} with {@code value} for {@code accountId}, or for one of its
   * extensions when {@code extension} is not null.
   *
   * @throws IllegalArgumentException when the value has not the kind's form, or the kind is
   *     account-only and an extension is given
   */
  public static CallPolicyRule of(
      long accountId, ExtensionNumber extension, CustomRuleKind kind, String value, Instant now) {
    if (!kind.accepts(value)) {
      throw new IllegalArgumentException("value does not fit " + kind);
    }
    if (extension != null && !kind.perExtension()) {
      throw new IllegalArgumentException(kind + " is for the whole account");
    }
    CallPolicyRule rule = new CallPolicyRule();
    rule.accountId = accountId;
    rule.extensionNumber = extension == null ? null : extension.digits();
    rule.kind = Objects.requireNonNull(kind);
    rule.value = value;
    rule.createdAt = Objects.requireNonNull(now);
    return rule;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  /** The extension it narrows, or {@code null} for the whole account. */
  public ExtensionNumber getExtension() {
    return extensionNumber == null ? null : new ExtensionNumber(extensionNumber);
  }

  public CustomRuleKind getKind() {
    return kind;
  }

  public String getValue() {
    return value;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallPolicyRule other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
