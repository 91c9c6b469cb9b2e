package io.dialtone.cdr.control;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.entity.AccountProfile;
import io.dialtone.cdr.entity.CallRecord;
import io.dialtone.cdr.entity.Direction;
import io.dialtone.cdr.entity.Disposition;
import io.dialtone.cdr.entity.Money;
import io.dialtone.platform.control.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;

/**
 * How the SIP side stores a call attempt (issue 5, item 1): {@link #record(CallRecord)} rates the
 * call, inserts its row and adds it to the daily totals of its account and extension, all in one
 * transaction (the caller's, or its own). Idempotent on the SIP Call-ID and start time: a record
 * sent twice (a retry after a lost answer) is stored and counted once.
 *
 * <p>Cost: an answered outbound call is priced by the rate deck in the account's currency at its
 * start ({@link RateDeck}); it has no cost ({@code NULL}, counted as 0 in the totals) when the deck
 * has no rate for it then. Everything else costs 0. The totals' day is the calendar day of the
 * start in the account's time zone. A stored record fires {@link UsageRecorded} (observed after
 * commit by the usage limits: in-memory totals and 80 %/100 % alerts).
 */
@ApplicationScoped
public class CallRecorder {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AccountTree accounts;
  @Inject RateDeck rates;
  @Inject Event<UsageRecorded> recorded;

  @Transactional
  public Recorded record(@NotNull CallRecord call) {
    AccountProfile account =
        accounts
            .find(call.accountId())
            .orElseThrow(() -> new IllegalArgumentException("no account " + call.accountId()))
            .getProfile();
    Money cost = cost(call, account.currency());
    LocalDate day = LocalDate.ofInstant(call.start(), ZoneId.of(account.timeZone()));
    try (Connection c = dataSource.getConnection()) {
      var id = CdrWrites.insert(c, call, cost, account.currency());
      if (id.isEmpty()) {
        return Recorded.duplicate();
      }
      BigDecimal amount = cost == null ? BigDecimal.ZERO : cost.amount();
      CdrWrites.addToTotals(c, call, day, amount);
      recorded.fire(
          new UsageRecorded(
              call.accountId(), call.extension(), day, minutes(call.billsec()), amount));
      return new Recorded(true, id.getAsLong(), cost);
    } catch (SQLException e) {
      throw new IllegalStateException("call record not stored: " + call.callId(), e);
    }
  }

  /** The rated cost, zero when free, {@code null} when an answered outbound call has no rate. */
  Money cost(CallRecord call, String currency) {
    if (call.direction() != Direction.OUTBOUND
        || call.disposition() != Disposition.ANSWERED
        || call.billsec() == 0) {
      return Money.zero(currency);
    }
    return rates
        .rateFor(call.remoteDigits(), currency, call.start())
        .map(rate -> rate.cost(call.billsec()))
        .orElse(null);
  }

  /** Whole minutes of a call, each started minute counted (what minute caps count). */
  static long minutes(int billsec) {
    return (billsec + 59L) / 60;
  }
}
