package io.dialtone.incontainer;

import io.dialtone.sip.control.SipNotices;
import io.dialtone.sip.entity.Ban;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST FIXTURE ONLY, never in the WAR: the real {@link SipNotices}, counting each ban it has
 * finished handling (its transaction completed, committed or not). A test that fires an event twice
 * waits for both to be handled, a positive signal, before asserting that the second changed
 * nothing; without it a slow second handling would land after the assertions, unchecked. Enabled
 * only in deployments that add it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SipSideNotices extends SipNotices {

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

  @Override
  @Transactional
  public int banned(Ban ban, String lastUserAgent) {
    countWhenDone("ban:" + ban.address());
    return super.banned(ban, lastUserAgent);
  }

  /** Bans of {@code key} ({@code ban:address}) handled. */
  public int handled(String key) {
    AtomicInteger count = handled.get(key);
    return count == null ? 0 : count.get();
  }

  private void countWhenDone(String key) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            handled.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          }
        });
  }
}
