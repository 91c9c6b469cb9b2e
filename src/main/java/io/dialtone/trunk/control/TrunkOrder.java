package io.dialtone.trunk.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which one outbound call tries the trunks: by priority (lower first); within one
 * priority, a weighted random draw without replacement, so a trunk of weight 3 comes first three
 * times as often as one of weight 1 beside it, and every trunk of the priority still follows as a
 * fallback. Unusable (unhealthy) trunks are left out, except for an emergency call, which tries
 * them last, in the same order, rather than fail.
 */
final class TrunkOrder {

  private final RandomGenerator random;

  TrunkOrder(RandomGenerator random) {
    this.random = random;
  }

  List<TrunkRoute> order(List<DirectoryEntry> enabled, boolean emergency) {
    List<TrunkRoute> out = new ArrayList<>(byPriority(enabled, true));
    if (emergency) {
      out.addAll(byPriority(enabled, false));
    }
    return List.copyOf(out);
  }

  private List<TrunkRoute> byPriority(List<DirectoryEntry> enabled, boolean usable) {
    Map<Integer, List<TrunkRoute>> groups = new TreeMap<>();
    for (DirectoryEntry entry : enabled) {
      if (entry.usable() == usable) {
        groups.computeIfAbsent(entry.route().priority(), p -> new ArrayList<>()).add(entry.route());
      }
    }
    List<TrunkRoute> out = new ArrayList<>();
    groups.values().forEach(group -> out.addAll(weighted(group)));
    return out;
  }

  private List<TrunkRoute> weighted(List<TrunkRoute> group) {
    List<TrunkRoute> left = new ArrayList<>(group);
    left.sort(Comparator.comparingLong(TrunkRoute::id));
    List<TrunkRoute> out = new ArrayList<>(left.size());
    while (!left.isEmpty()) {
      long total = left.stream().mapToLong(t -> Math.max(1, t.weight())).sum();
      long draw = random.nextLong(total);
      int i = 0;
      for (long seen = Math.max(1, left.get(0).weight()); seen <= draw; ) {
        i++;
        seen += Math.max(1, left.get(i).weight());
      }
      out.add(left.remove(i));
    }
    return out;
  }
}
