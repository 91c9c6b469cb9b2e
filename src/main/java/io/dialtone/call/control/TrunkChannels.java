package io.dialtone.call.control;

import io.dialtone.trunk.control.TrunkRoute;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls each trunk carries now (attempts and answered calls), within its maximum channels. */
final class TrunkChannels {

  private final Map<Long, AtomicInteger> busy = new ConcurrentHashMap<>();

  /** Takes a channel of {@code trunk}; false when all its channels are busy. */
  boolean take(TrunkRoute trunk) {
    AtomicInteger count = busy.computeIfAbsent(trunk.id(), id -> new AtomicInteger());
    while (true) {
      int now = count.get();
      if (!trunk.unlimitedChannels() && now >= trunk.maxChannels()) {
        return false;
      }
      if (count.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back a channel {@link #take} took. */
  void release(TrunkRoute trunk) {
    AtomicInteger count = busy.get(trunk.id());
    if (count != null) {
      count.updateAndGet(n -> Math.max(0, n - 1));
    }
  }
}
