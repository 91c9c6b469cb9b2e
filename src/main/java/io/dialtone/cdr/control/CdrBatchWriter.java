package io.dialtone.cdr.control;

import io.dialtone.account.control.AccountProfile;
import io.dialtone.account.control.AccountTree;
import io.dialtone.extension.control.ExtensionDirectory;
import io.dialtone.kernel.entity.Money;
import io.dialtone.platform.control.DatabaseMigration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Stores one batch of call records in its own transaction (for {@link CallRecorder}'s group
 * commit): rates each, finds its account's currency and calendar day and the extension that holds
 * its number, writes them ({@link CdrWrites}) and fires one {@link UsageRecorded} per stored record
 * (observed after the commit). An unknown account fails the whole batch (the group commit then
 * stores the others one by one). Each batch's time from its start to the end of its commit goes to
 * the operator's scrape ({@code dialtone_cdr_commit_seconds}, by outcome).
 */
@ApplicationScoped
public class CdrBatchWriter {

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AccountTree accounts;
  @Inject RateDeck rates;
  @Inject Event<UsageRecorded> recorded;
  @Inject MeterRegistry registry;
  @Resource TransactionSynchronizationRegistry transactions;

  private Timer committed;
  private Timer rolledBack;

  @PostConstruct
  void meters() {
    committed = commitTimer("committed");
    rolledBack = commitTimer("rolled_back");
  }

  /**
   * The injected registry, else the container's looked up now (in-container test deployments have
   * been seen to leave a resource field empty when the bean was first used on a call-path thread).
   */
  private TransactionSynchronizationRegistry transactions() {
    if (transactions == null) {
      try {
        transactions = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("no transaction synchronization registry", e);
      }
    }
    return transactions;
  }

  private Timer commitTimer(String outcome) {
    return Timer.builder("dialtone.cdr.commit")
        .description("Call record batches: time from the batch's start to the end of its commit")
        .tag("outcome", outcome)
        .serviceLevelObjectives(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500))
        .register(registry);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public List<Recorded> write(List<CallRecord> calls) {
    long start = System.nanoTime();
    transactions()
        .registerInterposedSynchronization(
            new Synchronization() {
              @Override
              public void beforeCompletion() {}

              @Override
              public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? committed : rolledBack)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
              }
            });
    Map<Long, AccountTerms> terms = new HashMap<>();
    RateTable deck = rates.table();
    try (Connection c = dataSource.getConnection()) {
      List<PendingCall> pending =
          prepare(c, calls, id -> terms.computeIfAbsent(id, this::terms), deck);
      List<Recorded> results = CdrWrites.write(c, pending);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).stored()) {
          fire(pending.get(i));
        }
      }
      return results;
    } catch (SQLException e) {
      throw new IllegalStateException("call records not stored", e);
    }
  }

  /** An account's currency and time zone: how its calls are rated and counted. */
  public record AccountTerms(String currency, ZoneId zone) {}

  /**
   * The calls rated, with their totals' day and the id of the live extension of their number (one
   * query for the batch, on {@code c}): what {@link CdrWrites#write} stores. Also the benchmark's.
   */
  public static List<PendingCall> prepare(
      Connection c, List<CallRecord> calls, LongFunction<AccountTerms> terms, RateTable deck)
      throws SQLException {
    Map<Long, Set<String>> numbers = new HashMap<>();
    for (CallRecord call : calls) {
      if (call.extension() != null) {
        numbers
            .computeIfAbsent(call.accountId().value(), k -> new HashSet<>())
            .add(call.extension().digits());
      }
    }
    Map<Long, Map<String, Long>> extensionIds = ExtensionDirectory.liveIds(c, numbers);
    List<PendingCall> pending = new ArrayList<>(calls.size());
    for (CallRecord call : calls) {
      AccountTerms account = terms.apply(call.accountId().value());
      pending.add(
          new PendingCall(
              call,
              cost(deck, call, account.currency()),
              account.currency(),
              LocalDate.ofInstant(call.start(), account.zone()),
              extensionIds
                  .getOrDefault(call.accountId().value(), Map.of())
                  .get(call.extensionDigits())));
    }
    return pending;
  }

  private AccountTerms terms(long accountId) {
    AccountProfile profile =
        accounts
            .find(accountId)
            .orElseThrow(() -> new IllegalArgumentException("no account " + accountId))
            .profile();
    return new AccountTerms(profile.currency(), ZoneId.of(profile.timeZone()));
  }

  private void fire(PendingCall p) {
    BigDecimal amount = p.cost() == null ? BigDecimal.ZERO : p.cost().amount();
    CallRecord call = p.call();
    recorded.fire(
        new UsageRecorded(
            call.accountId().value(),
            call.extensionDigits(),
            p.day(),
            CallRecorder.minutes(call.billsec()),
            amount));
  }

  /** The rated cost, zero when free, {@code null} when an answered outbound call has no rate. */
  public static Money cost(RateTable deck, CallRecord call, String currency) {
    if (call.direction() != Direction.OUTBOUND
        || call.disposition() != Disposition.ANSWERED
        || call.billsec() == 0) {
      return Money.zero(currency);
    }
    return deck.find(call.remoteDigits(), currency, call.start())
        .map(rate -> rate.cost(call.billsec()))
        .orElse(null);
  }
}
