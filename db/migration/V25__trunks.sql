-- Carrier trunks: where outbound calls leave the platform and inbound calls come from.
--
-- Managed by platform administrators; call control reads the enabled rows whole into memory
-- (trunk.control.TrunkDirectory) and reloads them on change, never per call. The digest password
-- is stored encrypted with the platform's data key (platform.control.DataCipher, 'v1:<key>:...').
-- The health columns are written by the OPTIONS probe, one UPDATE by primary key per probe.
CREATE TABLE trunk (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    name                   VARCHAR(32)  NOT NULL COMMENT 'as in the CDR trunk attempts',
    host                   VARCHAR(253) NOT NULL COMMENT 'host name or IP literal, no brackets',
    port                   INT          NOT NULL,
    transport              VARCHAR(3)   NOT NULL,
    priority               INT          NOT NULL COMMENT 'lower is tried first',
    weight                 INT          NOT NULL COMMENT 'share of calls within one priority',
    auth_username          VARCHAR(64)  NULL,
    auth_password          VARCHAR(255) NULL COMMENT 'encrypted (DataCipher)',
    auth_realm             VARCHAR(128) NULL COMMENT 'NULL: any realm',
    max_channels           INT          NOT NULL DEFAULT 0 COMMENT '0: unlimited',
    setup_timeout_seconds  INT          NOT NULL DEFAULT 5,
    enabled                BOOLEAN      NOT NULL DEFAULT TRUE,
    health_status          VARCHAR(8)   NOT NULL DEFAULT 'UNKNOWN',
    health_code            INT          NULL COMMENT 'last SIP status answered to OPTIONS',
    health_latency_ms      INT          NULL,
    health_checked_at      DATETIME(6)  NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY trunk_name_uk (name),
    CONSTRAINT trunk_name_chk CHECK (CAST(name AS BINARY) REGEXP '^[A-Za-z0-9._-]{1,32}$'),
    CONSTRAINT trunk_port_chk CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT trunk_transport_chk CHECK (transport IN ('UDP', 'TCP', 'TLS')),
    CONSTRAINT trunk_priority_chk CHECK (priority BETWEEN 0 AND 999),
    CONSTRAINT trunk_weight_chk CHECK (weight BETWEEN 1 AND 1000),
    CONSTRAINT trunk_login_chk CHECK ((auth_username IS NULL) = (auth_password IS NULL)),
    CONSTRAINT trunk_channels_chk CHECK (max_channels BETWEEN 0 AND 100000),
    CONSTRAINT trunk_timeout_chk CHECK (setup_timeout_seconds BETWEEN 1 AND 60),
    CONSTRAINT trunk_health_chk CHECK (health_status IN ('UNKNOWN', 'UP', 'DOWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The addresses a trunk's inbound calls come from: one IPv4/IPv6 address or CIDR range per row,
-- in canonical form ('192.0.2.0/24').
CREATE TABLE trunk_source (
    trunk_id       BIGINT      NOT NULL,
    address_range  VARCHAR(50) NOT NULL,
    PRIMARY KEY (trunk_id, address_range),
    CONSTRAINT trunk_source_trunk_fk FOREIGN KEY (trunk_id) REFERENCES trunk (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
