package io.dialtone.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Key rotation: makes a key of the ring current and moves every stored secret to it, then lets the
 * old key be retired.
 *
 * <ul>
 *   <li>{@link #start} makes the target current at once (every node writes new secrets with it
 *       within {@code DIALTONE_DATA_KEYS_CACHE_SECONDS}) and records a RUNNING rotation.
 *   <li>A background job on every node continues a RUNNING rotation: the node holding the lease
 *       ({@code data_key_rotation.runner}, renewed after each batch) walks each declared column
 *       ({@link StoredSecrets}) by id, {@code DIALTONE_DATA_KEYS_ROTATION_BATCH} values at a time,
 *       and rewrites each value with {@code UPDATE ... WHERE id = ? AND column = <old value>}: a
 *       value changed meanwhile by its owner is left as the owner wrote it (with the current key).
 *       Each value is its own write, so a crash loses nothing: after a restart, or on another node
 *       once the lease lapsed, the rotation goes on with what is still under another key.
 *       Registrations go on throughout: old values stay readable until they are moved.
 *   <li>It finishes when a pass finds no value under another key, and not before twice the cache
 *       time since the start (a node may still write with the old key until then).
 *   <li>{@link #retire} marks a key RETIRED, refused while it is current or any secret uses it.
 * </ul>
 *
 * The callers check access and audit (this component knows no users); the end of a rotation is told
 * by {@link DataKeyRotationFinished}.
 */
@ApplicationScoped
public class DataKeyRotation {

  private static final Logger LOG = Logger.getLogger(DataKeyRotation.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject DataKeys keys;
  @Inject DataCipher cipher;
  @Inject @Any Instance<StoredSecrets> stores;
  @Inject ScheduledJobs jobs;
  @Inject Event<DataKeyRotationFinished> finished;
  @Inject Event<DataKeyOperatorCommand> operatorCommands;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys.rotation-batch", defaultValue = "200")
  int batchSize;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys.rotation-lease-seconds", defaultValue = "30")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "dialtone.data-keys.rotation-period-seconds", defaultValue = "3")
  long periodSeconds;

  /** This JVM, as the lease names it: a restarted node is another runner. */
  private final String runner = UUID.randomUUID().toString();

  private GuardedJob job;

  void start(
      @Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.PRIORITY + 10)
          Object event) {
    job =
        jobs.every(
            Duration.ofSeconds(periodSeconds),
            Duration.ofSeconds(periodSeconds),
            "ALERT data key rotation failed (it is retried)",
            this::continueRotation);
  }

  /** Every key the ring holds, has held or that a stored secret names, with its use count. */
  public List<DataKeyUse> keys() {
    Map<String, Long> uses = usesByKey();
    Map<String, DataKeyState> states = new TreeMap<>();
    for (String held : keys.loadedKeyIds()) {
      states.put(held, DataKeyState.NEW);
    }
    states.put(keys.currentKeyId(), DataKeyState.CURRENT);
    query(
        "SELECT key_id, state FROM data_key",
        statement -> {},
        row -> states.put(row.getString(1), DataKeyState.valueOf(row.getString(2))));
    for (String used : uses.keySet()) {
      if (states.get(used) == DataKeyState.NEW) {
        states.put(used, DataKeyState.ACTIVE);
      }
    }
    List<String> held = List.copyOf(keys.loadedKeyIds());
    for (String used : uses.keySet()) {
      if (!held.contains(used)) {
        states.put(used, DataKeyState.MISSING);
      }
    }
    return states.entrySet().stream()
        .map(e -> new DataKeyUse(e.getKey(), e.getValue(), uses.getOrDefault(e.getKey(), 0L)))
        .toList();
  }

  /** The latest rotation, running or finished. */
  public Optional<RotationProgress> latest() {
    List<RotationProgress> found = new ArrayList<>();
    query(
        """
        SELECT id, target_key_id, state, started_at, started_by, finished_at, rewritten
        FROM data_key_rotation ORDER BY id DESC LIMIT 1""",
        statement -> {},
        row -> {
          boolean running = "RUNNING".equals(row.getString(3));
          String target = row.getString(2);
          long remaining =
              running
                  ? usesByKey().entrySet().stream()
                      .filter(e -> !e.getKey().equals(target))
                      .mapToLong(Map.Entry::getValue)
                      .sum()
                  : 0;
          Timestamp finishedAt = row.getTimestamp(6);
          found.add(
              new RotationProgress(
                  row.getLong(1),
                  target,
                  running,
                  row.getTimestamp(4).toInstant(),
                  row.getString(5),
                  finishedAt == null ? null : finishedAt.toInstant(),
                  row.getLong(7),
                  remaining));
        });
    return found.stream().findFirst();
  }

  /**
   * Makes {@code targetKeyId} current and starts moving every secret to it.
   *
   * @param startedBy who asks, as the audit trail names actors
   * @throws Refusal if the key is not in this node's ring, is retired, or a rotation is running
   */
  @Transactional
  public RotationProgress start(String targetKeyId, String startedBy) {
    String target = targetKeyId == null ? "" : targetKeyId.strip();
    if (!DataCipher.isKeyId(target) || !keys.loadedKeyIds().contains(target)) {
      throw new Refusal("data_keys.unknownKey", target);
    }
    if (stateOf(target).filter(DataKeyState.RETIRED::equals).isPresent()) {
      throw new Refusal("data_keys.targetRetired", target);
    }
    String previous = keys.currentKeyId();
    Instant now = clock.instant();
    try {
      update(
          """
          INSERT INTO data_key_rotation (target_key_id, state, started_at, started_by)
          VALUES (?, 'RUNNING', ?, ?)""",
          target,
          Timestamp.from(now),
          startedBy);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        throw new Refusal("data_keys.rotationRunning");
      }
      throw e;
    }
    update("UPDATE data_key SET state = 'ACTIVE' WHERE state = 'CURRENT'");
    update(
        "INSERT IGNORE INTO data_key (key_id, state, added_at) VALUES (?, 'ACTIVE', ?)",
        previous,
        Timestamp.from(now));
    update(
        """
        INSERT INTO data_key (key_id, state, added_at) VALUES (?, 'CURRENT', ?)
        ON DUPLICATE KEY UPDATE state = 'CURRENT', retired_at = NULL""",
        target,
        Timestamp.from(now));
    keys.forgetCurrent();
    LOG.info(() -> "Data key rotation started: from " + previous + " to " + target);
    return latest().orElseThrow();
  }

  /**
   * Marks {@code keyId} retired: no secret uses it and none will (it may then be deleted from every
   * node's keys folder).
   *
   * @throws Refusal if it is current, unknown, or still used by any secret
   */
  @Transactional
  public void retire(String keyId) {
    String id = keyId == null ? "" : keyId.strip();
    List<DataKeyUse> ring = keys();
    DataKeyUse key =
        ring.stream()
            .filter(k -> k.keyId().equals(id))
            .findFirst()
            .orElseThrow(() -> new Refusal("data_keys.unknownKey", id));
    if (key.state() == DataKeyState.CURRENT) {
      throw new Refusal("data_keys.retireCurrent", id);
    }
    if (key.uses() > 0) {
      throw new Refusal("data_keys.retireInUse", id, key.uses());
    }
    if (key.state() == DataKeyState.RETIRED) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    update(
        """
        INSERT INTO data_key (key_id, state, added_at, retired_at) VALUES (?, 'RETIRED', ?, ?)
        ON DUPLICATE KEY UPDATE state = 'RETIRED', retired_at = VALUES(retired_at)""",
        id,
        now,
        now);
    LOG.info(() -> "Data key retired: " + id);
  }

  /**
   * Runs the background job now (skipped if it is running): when a rotation is RUNNING and this
   * node holds (or takes) its lease, it moves values to the target until none is left, the lease is
   * lost or one period of work is done (the next run goes on).
   *
   * @return whether it ran (false: a run was going on)
   */
  public boolean runNow() {
    return job.runOnce();
  }

  void continueRotation() {
    auditOperatorCommands();
    Optional<RotationProgress> running = latest().filter(RotationProgress::running);
    if (running.isEmpty() || !takeLease(running.get().id())) {
      return;
    }
    RotationProgress rotation = running.get();
    String target = rotation.targetKeyId();
    long unreadable = 0;
    long moved = 0;
    Instant stopAt = clock.instant().plusSeconds(periodSeconds);
    for (StoredSecrets store : stores) {
      for (StoredSecrets.SecretColumn column : store.secretColumns()) {
        long after = 0;
        while (true) {
          Batch batch = moveBatch(column, target, after);
          moved += batch.moved();
          unreadable += batch.unreadable();
          if (batch.moved() > 0) {
            update(
                "UPDATE data_key_rotation SET rewritten = rewritten + ? WHERE id = ?",
                batch.moved(),
                rotation.id());
          }
          if (!takeLease(rotation.id()) || clock.instant().isAfter(stopAt)) {
            return;
          }
          if (batch.lastId() < 0) {
            break;
          }
          after = batch.lastId();
        }
      }
    }
    if (unreadable > 0) {
      long count = unreadable;
      LOG.severe(
          () ->
              "ALERT data key rotation: "
                  + count
                  + " stored secrets cannot be decrypted on this node (is a key file missing?)");
      return;
    }
    Instant settled = rotation.startedAt().plusSeconds(2 * keys.cacheSeconds() + 1);
    if (moved > 0 || clock.instant().isBefore(settled)) {
      return; // the next run checks again that nothing was written with the old key meanwhile
    }
    finish(rotation);
  }

  /**
   * Tells the audit trail, once over all nodes, what the operator's command line changed: a
   * rotation it started, a key it retired (the flag is set by the one node whose update wins).
   */
  private void auditOperatorCommands() {
    List<String[]> started = new ArrayList<>();
    query(
        "SELECT id, target_key_id, started_by FROM data_key_rotation WHERE NOT start_audited",
        statement -> {},
        row -> started.add(new String[] {row.getString(1), row.getString(2), row.getString(3)}));
    for (String[] rotation : started) {
      if (update(
              "UPDATE data_key_rotation SET start_audited = TRUE WHERE id = ? AND NOT start_audited",
              Long.parseLong(rotation[0]))
          == 1) {
        operatorCommands.fire(new DataKeyOperatorCommand(false, rotation[1], rotation[2]));
      }
    }
    List<String> retired = new ArrayList<>();
    query(
        "SELECT key_id FROM data_key WHERE NOT retire_audited",
        statement -> {},
        row -> retired.add(row.getString(1)));
    for (String keyId : retired) {
      if (update(
              "UPDATE data_key SET retire_audited = TRUE WHERE key_id = ? AND NOT retire_audited",
              keyId)
          == 1) {
        operatorCommands.fire(
            new DataKeyOperatorCommand(true, keyId, DataKeyOperatorCommand.OPERATOR));
      }
    }
  }

  private void finish(RotationProgress rotation) {
    int done =
        update(
            """
            UPDATE data_key_rotation SET state = 'FINISHED', finished_at = ?, runner = NULL,
                   lease_until = NULL
            WHERE id = ? AND state = 'RUNNING' AND runner = ?""",
            Timestamp.from(clock.instant()),
            rotation.id(),
            runner);
    if (done == 1) {
      long rewritten = latest().map(RotationProgress::rewritten).orElse(rotation.rewritten());
      LOG.info(
          () ->
              "Data key rotation finished: "
                  + rewritten
                  + " secrets re-encrypted, all under "
                  + rotation.targetKeyId());
      finished.fire(
          new DataKeyRotationFinished(
              rotation.id(), rotation.targetKeyId(), rewritten, rotation.startedBy()));
    }
  }

  private boolean takeLease(long rotationId) {
    Instant now = clock.instant();
    return update(
            """
            UPDATE data_key_rotation SET runner = ?, lease_until = ?
            WHERE id = ? AND state = 'RUNNING'
              AND (runner IS NULL OR runner = ? OR lease_until < ?)""",
            runner,
            Timestamp.from(now.plusSeconds(leaseSeconds)),
            rotationId,
            runner,
            Timestamp.from(now))
        == 1;
  }

  /** The values of one batch after {@code afterId}; lastId -1 when the column has no more. */
  private record Batch(int moved, int unreadable, long lastId) {}

  private Batch moveBatch(StoredSecrets.SecretColumn column, String target, long afterId) {
    String prefix = DataCipher.prefix(target);
    List<long[]> ids = new ArrayList<>();
    List<String> values = new ArrayList<>();
    query(
        column.selectNotUnderSql(),
        statement -> {
          statement.setLong(1, afterId);
          statement.setInt(2, prefix.length());
          statement.setString(3, prefix);
          statement.setInt(4, batchSize);
        },
        row -> {
          ids.add(new long[] {row.getLong(1)});
          values.add(row.getString(2));
        });
    int moved = 0;
    int unreadable = 0;
    for (int i = 0; i < ids.size(); i++) {
      String old = values.get(i);
      String fresh;
      try {
        fresh = cipher.reencrypt(old, target);
      } catch (IllegalStateException e) {
        unreadable++;
        continue;
      }
      moved += update(column.replaceSql(), fresh, ids.get(i)[0], old);
    }
    long last = ids.size() < batchSize ? -1 : ids.get(ids.size() - 1)[0];
    return new Batch(moved, unreadable, last);
  }

  /** How many stored values each key id encrypts, over every declared column. */
  private Map<String, Long> usesByKey() {
    Map<String, Long> uses = new TreeMap<>();
    for (StoredSecrets store : stores) {
      for (StoredSecrets.SecretColumn column : store.secretColumns()) {
        query(
            column.countByKeySql(),
            statement -> {},
            row -> uses.merge(row.getString(1), row.getLong(2), Long::sum));
      }
    }
    return uses;
  }

  private Optional<DataKeyState> stateOf(String keyId) {
    List<DataKeyState> found = new ArrayList<>();
    query(
        "SELECT state FROM data_key WHERE key_id = ?",
        statement -> statement.setString(1, keyId),
        row -> found.add(DataKeyState.valueOf(row.getString(1))));
    return found.stream().findFirst();
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, Binder binder, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          reader.read(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("data key ring query failed", e);
    }
  }

  private int update(String sql, Object... arguments) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      if (e instanceof SQLIntegrityConstraintViolationException) {
        throw new IllegalStateException("data key ring update refused", e);
      }
      LOG.log(Level.FINE, "data key ring update failed", e);
      throw new IllegalStateException("data key ring update failed", e);
    }
  }
}
