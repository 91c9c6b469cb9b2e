package io.dialtone.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The concurrent-call cap of one extension of an account, set by its administrator. */
@Entity
@Table(name = "usage_extension_limit")
@IdClass(ExtensionLimit.Key.class)
@NamedQuery(
    name = ExtensionLimit.LIST_BY_ACCOUNT,
    query = "SELECT l FROM ExtensionLimit l WHERE l.accountId = :accountId ORDER BY l.extension")
public class ExtensionLimit {

  public static final String LIST_BY_ACCOUNT = "ExtensionLimit.listByAccount";

  /** The composite key: account and extension number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long accountId;
    private String extension;

    public Key() {}

    public Key(long accountId, String extension) {
      this.accountId = accountId;
      this.extension = extension;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(accountId, k.accountId)
          && Objects.equals(extension, k.extension);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, extension);
    }
  }

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Id
  @Column(length = 8)
  private String extension;

  @Column(name = "concurrent_calls", nullable = false)
  private int concurrentCalls;

  protected ExtensionLimit() {}

  public ExtensionLimit(long accountId, String extension, int concurrentCalls) {
    this.accountId = accountId;
    this.extension = extension;
    change(concurrentCalls);
  }

  public void change(int concurrentCalls) {
    if (concurrentCalls < 0) {
      throw new IllegalArgumentException("negative cap");
    }
    this.concurrentCalls = concurrentCalls;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getExtension() {
    return extension;
  }

  public int getConcurrentCalls() {
    return concurrentCalls;
  }
}
