package io.dialtone.incontainer;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * In-container fixture: runs copies of a task on container-managed threads, all released at once,
 * so they reach the database together as parallel requests would.
 */
@ApplicationScoped
public class Parallel {

  private static final long TIMEOUT_SECONDS = 120;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /**
   * Runs {@code copies} copies of {@code task} at the same moment; their results, in start order.
   */
  public <T> List<T> run(int copies, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(copies, threads);
    try {
      CountDownLatch ready = new CountDownLatch(copies);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the threads did not start");
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
