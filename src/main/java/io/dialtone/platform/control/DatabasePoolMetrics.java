package io.dialtone.platform.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's database pool for the operator's scrape: connections in use, free, and requests
 * waiting for one ({@code dialtone_db_pool_connections{state}}, {@code dialtone_db_pool_waiting}).
 *
 * <p>Payara publishes pool statistics only through its monitoring service (monitoring levels, then
 * AMX beans); instead this reads the pool's own counters, which Payara keeps whether monitoring is
 * on or not: the data source Payara hands out names its pool (through its connection manager), the
 * connector runtime holds it; its status and wait queue are read at each scrape. These are Payara's
 * internal classes, reached by reflection: if a Payara release changes them, the gauges answer NaN
 * and one warning is logged, the rest of the scrape is unchanged.
 */
@ApplicationScoped
public class DatabasePoolMetrics {

  private static final Logger LOG = Logger.getLogger(DatabasePoolMetrics.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject MeterRegistry registry;

  private static final int IN_USE = 0;
  private static final int FREE = 1;
  private static final int WAITING = 2;

  private volatile Object pool;
  private volatile boolean warned;

  void register(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 20)
          Object event) {
    Gauge.builder("dialtone.db.pool.connections", this, m -> m.read(IN_USE))
        .tag("state", "in_use")
        .description("Connections of the application's database pool, by state")
        .register(registry);
    Gauge.builder("dialtone.db.pool.connections", this, m -> m.read(FREE))
        .tag("state", "free")
        .description("Connections of the application's database pool, by state")
        .register(registry);
    Gauge.builder("dialtone.db.pool.waiting", this, m -> m.read(WAITING))
        .description("Requests waiting for a connection of the application's database pool")
        .register(registry);
  }

  private double read(int reading) {
    try {
      Object found = pool == null ? findPool() : pool;
      if (found == null) {
        return Double.NaN;
      }
      if (reading == WAITING) {
        Object queue = call(found, "getPoolWaitQueue");
        return ((Number) call(queue, "getQueueLength")).doubleValue();
      }
      Object status = call(found, "getPoolStatus");
      return ((Number) call(status, reading == IN_USE ? "getNumConnUsed" : "getNumConnFree"))
          .doubleValue();
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
              ? e.getCause()
              : e;
      warnOnce("the pool's counters cannot be read (" + cause + ")");
      return Double.NaN;
    }
  }

  /**
   * The pool behind {@link #dataSource}: its connection manager (field {@code cm} of Payara's JDBC
   * data source) names the pool ({@code poolInfo}); the connector runtime of that manager's own
   * class loader holds the pool.
   */
  private Object findPool() throws ReflectiveOperationException {
    Object manager = field(dataSource, "cm");
    Object poolInfo = field(manager, "poolInfo");
    Class<?> runtimeClass =
        Class.forName(
            "com.sun.enterprise.connectors.ConnectorRuntime",
            true,
            manager.getClass().getClassLoader());
    Object runtime = runtimeClass.getMethod("getRuntime").invoke(null);
    Object pools = call(runtime, "getPoolManager");
    Method getPool = null;
    for (Method m : pools.getClass().getMethods()) {
      if (m.getName().equals("getPool") && m.getParameterCount() == 1) {
        getPool = m;
      }
    }
    if (getPool == null) {
      throw new NoSuchMethodException("getPool of " + pools.getClass().getName());
    }
    getPool.setAccessible(true);
    Object found = getPool.invoke(pools, poolInfo);
    if (found == null) {
      warnOnce("no pool " + poolInfo + " yet");
      return null;
    }
    pool = found;
    return pool;
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new NoSuchFieldException(name + " in " + target.getClass().getName());
  }

  /** A public method of a Payara class, called through the interface or class that declares it. */
  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Method m = publicMethod(target.getClass(), method);
    return m.invoke(target);
  }

  private static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          return i.getMethod(name);
        } catch (NoSuchMethodException e) {
          // not declared by this interface
        }
      }
    }
    Method m = type.getMethod(name);
    m.setAccessible(true);
    return m;
  }

  private void warnOnce(String why) {
    if (!warned) {
      warned = true;
      LOG.warning(() -> "Database pool metrics unavailable: " + why);
    }
  }
}
