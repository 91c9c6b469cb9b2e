package io.dialtone.account.boundary;

import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountView;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.account.entity.Account;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What the account forms edit: the profile and, on the edit page, the caps. Its constraints (from
 * the entity's column lengths) validate each input, so a wrong value keeps everything typed.
 */
public class AccountForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotBlank
  @Size(max = Account.NAME_MAX)
  private String name;

  @NotNull private String country = AccountProfile.DEFAULT_COUNTRY;
  @NotNull private String timeZone = AccountProfile.DEFAULT_TIME_ZONE;
  @NotNull private String language = AccountProfile.DEFAULT_LANGUAGE;

  @Email
  @Size(max = Account.BILLING_EMAIL_MAX)
  private String billingEmail;

  @NotNull private String currency = AccountProfile.DEFAULT_CURRENCY;

  @DecimalMin("0.00")
  @DecimalMax(UsageCaps.MAX_SPEND)
  @Digits(integer = 10, fraction = 2)
  private BigDecimal dailySpendCap;

  @DecimalMin("0.00")
  @DecimalMax(UsageCaps.MAX_SPEND)
  @Digits(integer = 10, fraction = 2)
  private BigDecimal monthlySpendCap;

  @PositiveOrZero private Integer monthlyMinutesCap;
  @PositiveOrZero private Integer concurrentCallsCap;

  static AccountForm of(AccountView account) {
    AccountForm form = new AccountForm();
    AccountProfile p = account.profile();
    form.name = p.name();
    form.country = p.country();
    form.timeZone = p.timeZone();
    form.language = p.language();
    form.billingEmail = p.billingEmail();
    form.currency = p.currency();
    UsageCaps c = account.caps();
    form.dailySpendCap = c.dailySpend();
    form.monthlySpendCap = c.monthlySpend();
    form.monthlyMinutesCap = c.monthlyMinutes();
    form.concurrentCallsCap = c.concurrentCalls();
    return form;
  }

  AccountProfile profile() {
    return new AccountProfile(name, country, timeZone, language, billingEmail, currency);
  }

  UsageCaps caps() {
    return new UsageCaps(dailySpendCap, monthlySpendCap, monthlyMinutesCap, concurrentCallsCap);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getBillingEmail() {
    return billingEmail;
  }

  public void setBillingEmail(String billingEmail) {
    this.billingEmail = billingEmail;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getDailySpendCap() {
    return dailySpendCap;
  }

  public void setDailySpendCap(BigDecimal dailySpendCap) {
    this.dailySpendCap = dailySpendCap;
  }

  public BigDecimal getMonthlySpendCap() {
    return monthlySpendCap;
  }

  public void setMonthlySpendCap(BigDecimal monthlySpendCap) {
    this.monthlySpendCap = monthlySpendCap;
  }

  public Integer getMonthlyMinutesCap() {
    return monthlyMinutesCap;
  }

  public void setMonthlyMinutesCap(Integer monthlyMinutesCap) {
    this.monthlyMinutesCap = monthlyMinutesCap;
  }

  public Integer getConcurrentCallsCap() {
    return concurrentCallsCap;
  }

  public void setConcurrentCallsCap(Integer concurrentCallsCap) {
    this.concurrentCallsCap = concurrentCallsCap;
  }
}
