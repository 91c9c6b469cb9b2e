-- The data key ring's state, shared by every node (the keys themselves never enter the database).
--
--   data_key           one row per key id that has been current: CURRENT (writes new values; one
--                      row at most), ACTIVE (still reads the values it wrote) or RETIRED (no value
--                      uses it any more; refused as a rotation target)
--   data_key_rotation  one row per rotation: RUNNING until every stored secret is encrypted with
--                      target_key_id, then FINISHED. runner/lease_until name the node working on
--                      it and until when; another node takes over once the lease has lapsed (a
--                      crashed node), so a rotation resumes after a crash. one_running lets one rotation run at a
--                      time.

CREATE TABLE data_key (
    key_id      VARCHAR(32) NOT NULL PRIMARY KEY,
    state       VARCHAR(16) NOT NULL,
    added_at    DATETIME(3) NOT NULL,
    retired_at  DATETIME(3) NULL,
    CONSTRAINT data_key_state_chk CHECK (state IN ('CURRENT', 'ACTIVE', 'RETIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE data_key_rotation (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    target_key_id  VARCHAR(32) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    started_at     DATETIME(3) NOT NULL,
    started_by     VARCHAR(255) NOT NULL,
    finished_at    DATETIME(3) NULL,
    rewritten      BIGINT      NOT NULL DEFAULT 0,
    runner         VARCHAR(64) NULL,
    lease_until    DATETIME(3) NULL,
    one_running    TINYINT AS (CASE WHEN state = 'RUNNING' THEN 1 END) PERSISTENT,
    CONSTRAINT data_key_rotation_state_chk CHECK (state IN ('RUNNING', 'FINISHED')),
    UNIQUE KEY data_key_rotation_one_running (one_running),
    INDEX data_key_rotation_state (state, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
