package io.dialtone.usage.entity;

import io.dialtone.account.control.UsageCaps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * The limits a customer administrator set for their own account, each at most the cap granted from
 * above ({@code account}'s caps); {@code null} means none of their own. The check against the
 * granted caps is the control's ({@code control.UsageLimits}); this keeps values valid.
 */
@Entity
@Table(name = "usage_limit")
public class WorkingLimits {

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(name = "daily_spend", precision = 12, scale = 2)
  private BigDecimal dailySpend;

  @Column(name = "monthly_spend", precision = 12, scale = 2)
  private BigDecimal monthlySpend;

  @Column(name = "monthly_minutes")
  private Integer monthlyMinutes;

  @Column(name = "concurrent_calls")
  private Integer concurrentCalls;

  @Column(name = "max_call_minutes")
  private Integer maxCallMinutes;

  @Version private long version;

  protected WorkingLimits() {}

  public WorkingLimits(long accountId) {
    this.accountId = accountId;
  }

  public void change(UsageCaps limits) {
    if (!limits.isValid()) {
      throw new IllegalArgumentException("invalid limits");
    }
    dailySpend = limits.dailySpend();
    monthlySpend = limits.monthlySpend();
    monthlyMinutes = limits.monthlyMinutes();
    concurrentCalls = limits.concurrentCalls();
  }

  public UsageCaps limits() {
    return new UsageCaps(dailySpend, monthlySpend, monthlyMinutes, concurrentCalls);
  }

  /** Longest an answered call may last, in minutes; {@code null}: the platform's default. */
  public Integer getMaxCallMinutes() {
    return maxCallMinutes;
  }

  public void changeMaxCallMinutes(Integer minutes) {
    if (minutes != null && (minutes < 1 || minutes > 1440)) {
      throw new IllegalArgumentException("max call minutes out of range");
    }
    maxCallMinutes = minutes;
  }

  public Long getAccountId() {
    return accountId;
  }
}
