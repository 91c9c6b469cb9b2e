package io.dialtone.platform.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Background work per key, done in passes: what arrives for a key while a pass is pending merges
 * into it, and at most one pass is waiting on the executor at a time. A call's side jobs (an
 * extension's last-call stamp, an account's alert check) thus cost one executor task per pass
 * instead of one per call: under load many calls share a pass; a quiet node still runs one per
 * call, a moment after it.
 *
 * <p>A pass gets every key pending when it starts; a key added while it runs schedules the next.
 * The pass must not throw (it logs what fails); a full executor refuses the key's work and {@link
 * #add} throws {@link RejectedExecutionException} after putting the key back in the next pass.
 *
 * @param <K> the key (an extension id, an account id)
 * @param <V> what the pass needs of the key; two values of one key merge with the given function
 */
public final class CoalescedWork<K, V> {

  private final Map<K, V> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final BinaryOperator<V> merge;
  private final Consumer<Map<K, V>> pass;
  private final Supplier<Executor> executor;

  /**
   * @param merge the value kept when a key comes again before its pass
   * @param pass the work on the keys of one pass (in a managed task)
   * @param executor where passes run (looked up at each pass: injected resources may come late)
   */
  public CoalescedWork(
      BinaryOperator<V> merge, Consumer<Map<K, V>> pass, Supplier<Executor> executor) {
    this.merge = Objects.requireNonNull(merge);
    this.pass = Objects.requireNonNull(pass);
    this.executor = Objects.requireNonNull(executor);
  }

  /** Adds {@code key} to the next pass, scheduling one if none is waiting. */
  public void add(K key, V value) {
    pending.merge(key, value, merge);
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.get().execute(this::runPass);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        throw e;
      }
    }
  }

  /** Keys waiting for their pass (monitoring). */
  public int pending() {
    return pending.size();
  }

  private void runPass() {
    scheduled.set(false);
    Map<K, V> batch = new HashMap<>();
    for (K key : pending.keySet()) {
      V value = pending.remove(key);
      if (value != null) {
        batch.put(key, value);
      }
    }
    if (!batch.isEmpty()) {
      pass.accept(batch);
    }
  }
}
