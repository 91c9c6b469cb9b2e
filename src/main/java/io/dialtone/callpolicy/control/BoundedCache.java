package io.dialtone.callpolicy.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure function, bounded to about {@code capacity} entries without locks: two
 * generations, the young one filled by misses and by hits on the old one; when the young one is
 * full it becomes the old one and the previous old one is dropped. Entries in use survive, a flood
 * of one-off keys (someone dialling random numbers) only costs recomputation.
 */
final class BoundedCache<K, V> {

  private final int generationSize;
  private final Function<K, V> compute;
  private volatile Map<K, V> young = new ConcurrentHashMap<>();
  private volatile Map<K, V> old = Map.of();

  BoundedCache(int capacity, Function<K, V> compute) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity below 2");
    }
    this.generationSize = capacity / 2;
    this.compute = compute;
  }

  V get(K key) {
    V value = young.get(key);
    if (value != null) {
      return value;
    }
    value = old.get(key);
    if (value == null) {
      value = compute.apply(key);
    }
    remember(key, value);
    return value;
  }

  /** Entries held now; at most about twice the generation size. */
  int size() {
    return young.size() + old.size();
  }

  private void remember(K key, V value) {
    Map<K, V> current = young;
    if (current.size() >= generationSize) {
      synchronized (this) {
        if (young == current) {
          old = current;
          young = new ConcurrentHashMap<>();
        }
      }
    }
    young.put(key, value);
  }
}
