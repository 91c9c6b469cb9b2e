-- Registration history and device-offline alerts. One row per change of an extension's bindings
-- (a new contact registered, a contact unregistered or removed, a contact expired), never per
-- refresh: the registrar queues the changes in memory and the extension component writes them in
-- batches off the SIP threads (extension.control.RegistrationHistory). Kept 30 days, purged daily.
-- No foreign key to extension, as for sip_binding: the rows lapse with their age.
CREATE TABLE registration_event (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    account_id        BIGINT        NOT NULL,
    extension_id      BIGINT        NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    happened_at       DATETIME(6)   NOT NULL,
    contact           VARCHAR(512)  NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    transport         VARCHAR(8)    NOT NULL,
    PRIMARY KEY (id),
    KEY registration_event_extension_ix (extension_id, happened_at, id),
    KEY registration_event_age_ix (happened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- When the account's administrators were last alerted (notice and e-mail) that the extension's
-- phones are offline or unreachable: at most one alert per extension and hour, decided by a
-- conditional update of this column, so the limit holds across restarts and nodes.
ALTER TABLE extension ADD COLUMN offline_alerted_at DATETIME(6) NULL;
