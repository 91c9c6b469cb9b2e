-- Password history (SECURITY.md A3): hashes of a user's previous passwords. A new password must
-- differ from the current one and the newest 3 here (the last 4); older rows are deleted.
CREATE TABLE password_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    user_id        BIGINT        NOT NULL,
    password_hash  VARCHAR(255)  NOT NULL COMMENT 'PBKDF2 hash as in app_user.password_hash',
    created_at     DATETIME(6)   NOT NULL COMMENT 'when this password stopped being the current one',
    PRIMARY KEY (id),
    CONSTRAINT password_history_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    KEY password_history_user_ix (user_id, created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
