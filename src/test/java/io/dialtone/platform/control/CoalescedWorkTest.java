package io.dialtone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class CoalescedWorkTest {

  /** An executor that runs its tasks only when told. */
  private final Deque<Runnable> tasks = new ArrayDeque<>();

  private final List<Map<String, Integer>> passes = new ArrayList<>();
  private final CoalescedWork<String, Integer> work =
      new CoalescedWork<>(Math::max, passes::add, () -> tasks::add);

  @Test
  void keysAddedBeforeThePassRunsShareOneTaskAndMergeTheirValues() {
    work.add("a", 1);
    work.add("b", 5);
    work.add("a", 3);
    work.add("a", 2);

    assertThat(tasks).hasSize(1);
    assertThat(work.pending()).isEqualTo(2);
    tasks.poll().run();
    assertThat(passes).containsExactly(Map.of("a", 3, "b", 5));
    assertThat(work.pending()).isZero();
  }

  @Test
  void aKeyAddedWhileAPassRunsGoesToTheNextOne() {
    List<CoalescedWork<String, Integer>> self = new ArrayList<>();
    CoalescedWork<String, Integer> busy =
        new CoalescedWork<>(
            Math::max,
            batch -> {
              passes.add(batch);
              if (passes.size() == 1) {
                self.getFirst().add("b", 2); // a call ends while the first pass runs
              }
            },
            () -> tasks::add);
    self.add(busy);

    busy.add("a", 1);
    tasks.poll().run();
    assertThat(tasks).hasSize(1);
    tasks.poll().run();
    assertThat(passes).containsExactly(Map.of("a", 1), Map.of("b", 2));
    assertThat(busy.pending()).isZero();
  }

  @Test
  void aFullExecutorRefusesAndTheKeyWaitsForTheNextPass() {
    boolean[] full = {true};
    CoalescedWork<String, Integer> refused =
        new CoalescedWork<>(
            Math::max,
            passes::add,
            () ->
                task -> {
                  if (full[0]) {
                    throw new RejectedExecutionException("full");
                  }
                  tasks.add(task);
                });
    assertThatThrownBy(() -> refused.add("a", 1)).isInstanceOf(RejectedExecutionException.class);
    full[0] = false;
    refused.add("b", 2);
    tasks.poll().run();
    assertThat(passes).containsExactly(Map.of("a", 1, "b", 2));
  }
}
