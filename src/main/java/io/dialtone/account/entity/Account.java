package io.dialtone.account.entity;

import io.dialtone.account.control.AccountKind;
import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountStatus;
import io.dialtone.account.control.UsageCaps;
import io.dialtone.kernel.control.AccountScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A node of the account tree. Only the platform account has no parent; the migration creates it
 * with id {@link #PLATFORM_ID}. Its profile ({@link AccountProfile}) and usage caps ({@link
 * UsageCaps}) change only as a whole, valid value; its number is assigned by the database.
 */
@Entity
@Table(name = "account")
public class Account {

  public static final long PLATFORM_ID = AccountScope.PLATFORM_ACCOUNT_ID;
  public static final int NAME_MAX = 120;
  public static final int NUMBER_MAX = 16;
  public static final int COUNTRY_LENGTH = 2;
  public static final int TIME_ZONE_MAX = 64;
  public static final int LANGUAGE_LENGTH = 2;
  public static final int BILLING_EMAIL_MAX = 254;
  public static final int CURRENCY_LENGTH = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "parent_id")
  private Long parentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountKind kind;

  @NotBlank
  @Size(max = NAME_MAX)
  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountStatus status;

  @Column(name = "account_number", length = NUMBER_MAX, insertable = false, updatable = false)
  private String accountNumber;

  @NotNull
  @Size(min = COUNTRY_LENGTH, max = COUNTRY_LENGTH)
  @Column(nullable = false, length = COUNTRY_LENGTH)
  private String country = AccountProfile.DEFAULT_COUNTRY;

  @NotNull
  @Size(max = TIME_ZONE_MAX)
  @Column(name = "time_zone", nullable = false, length = TIME_ZONE_MAX)
  private String timeZone = AccountProfile.DEFAULT_TIME_ZONE;

  @NotNull
  @Size(min = LANGUAGE_LENGTH, max = LANGUAGE_LENGTH)
  @Column(nullable = false, length = LANGUAGE_LENGTH)
  private String language = AccountProfile.DEFAULT_LANGUAGE;

  @Email
  @Size(max = BILLING_EMAIL_MAX)
  @Column(name = "billing_email", length = BILLING_EMAIL_MAX)
  private String billingEmail;

  @NotNull
  @Size(min = CURRENCY_LENGTH, max = CURRENCY_LENGTH)
  @Column(nullable = false, length = CURRENCY_LENGTH)
  private String currency = AccountProfile.DEFAULT_CURRENCY;

  @Column(name = "daily_spend_cap", precision = 12, scale = 2)
  private BigDecimal dailySpendCap;

  @Column(name = "monthly_spend_cap", precision = 12, scale = 2)
  private BigDecimal monthlySpendCap;

  @PositiveOrZero
  @Column(name = "monthly_minutes_cap")
  private Integer monthlyMinutesCap;

  @PositiveOrZero
  @Column(name = "concurrent_calls_cap")
  private Integer concurrentCallsCap;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Account() {}

  /** A new active reseller or customer account below {@code parentId}. */
  public static Account below(
      long parentId, AccountKind kind, AccountProfile profile, UsageCaps caps, Instant now) {
    if (kind == AccountKind.PLATFORM) {
      throw new IllegalArgumentException("there is one platform account");
    }
    Account account = new Account();
    account.parentId = parentId;
    account.kind = kind;
    account.status = AccountStatus.ACTIVE;
    account.createdAt = now;
    account.changeProfile(profile);
    account.changeCaps(caps);
    return account;
  }

  /** Replaces the profile with {@code profile}, which must be valid. */
  public void changeProfile(AccountProfile profile) {
    if (!profile.isValid()) {
      throw new IllegalArgumentException("invalid account profile");
    }
    name = profile.name();
    country = profile.country();
    timeZone = profile.timeZone();
    language = profile.language();
    billingEmail = profile.billingEmail();
    currency = profile.currency();
  }

  /** Replaces the usage caps with {@code caps}, which must be valid. */
  public void changeCaps(UsageCaps caps) {
    if (!caps.isValid()) {
      throw new IllegalArgumentException("invalid usage caps");
    }
    dailySpendCap = caps.dailySpend();
    monthlySpendCap = caps.monthlySpend();
    monthlyMinutesCap = caps.monthlyMinutes();
    concurrentCallsCap = caps.concurrentCalls();
  }

  public void suspend() {
    status = AccountStatus.SUSPENDED;
  }

  public void reactivate() {
    status = AccountStatus.ACTIVE;
  }

  public AccountProfile getProfile() {
    return new AccountProfile(name, country, timeZone, language, billingEmail, currency);
  }

  public UsageCaps getCaps() {
    return new UsageCaps(dailySpendCap, monthlySpendCap, monthlyMinutesCap, concurrentCallsCap);
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public String getCountry() {
    return country;
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }

  public Long getId() {
    return id;
  }

  public Long getParentId() {
    return parentId;
  }

  public AccountKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Account other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
