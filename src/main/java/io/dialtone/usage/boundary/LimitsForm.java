package io.dialtone.usage.boundary;

import io.dialtone.account.control.UsageCaps;
import java.io.Serializable;
import java.math.BigDecimal;

/** The own-limits form: one optional value per cap. */
public class LimitsForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private BigDecimal dailySpend;
  private BigDecimal monthlySpend;
  private Integer monthlyMinutes;
  private Integer concurrentCalls;

  void fill(UsageCaps caps) {
    dailySpend = caps.dailySpend();
    monthlySpend = caps.monthlySpend();
    monthlyMinutes = caps.monthlyMinutes();
    concurrentCalls = caps.concurrentCalls();
  }

  UsageCaps caps() {
    return new UsageCaps(dailySpend, monthlySpend, monthlyMinutes, concurrentCalls);
  }

  public BigDecimal getDailySpend() {
    return dailySpend;
  }

  public void setDailySpend(BigDecimal dailySpend) {
    this.dailySpend = dailySpend;
  }

  public BigDecimal getMonthlySpend() {
    return monthlySpend;
  }

  public void setMonthlySpend(BigDecimal monthlySpend) {
    this.monthlySpend = monthlySpend;
  }

  public Integer getMonthlyMinutes() {
    return monthlyMinutes;
  }

  public void setMonthlyMinutes(Integer monthlyMinutes) {
    this.monthlyMinutes = monthlyMinutes;
  }

  public Integer getConcurrentCalls() {
    return concurrentCalls;
  }

  public void setConcurrentCalls(Integer concurrentCalls) {
    this.concurrentCalls = concurrentCalls;
  }
}
