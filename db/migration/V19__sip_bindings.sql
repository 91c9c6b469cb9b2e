-- SIP registrar (issue 6): the location service's bindings, written behind by the registrar
-- (sip.control.MemoryLocationService keeps them in memory and writes each changed extension's set
-- here about once a second) and read back at start-up, so a restart keeps the phones registered.
-- A binding is one Contact of an extension (RFC 3261 §10.3); rows past expires_at are ignored at
-- load and removed by the next write of their extension. No foreign key to extension on purpose:
-- the registrar writes from its own thread and an extension's deletion only lets them lapse.
CREATE TABLE sip_binding (
    extension_id      BIGINT        NOT NULL,
    contact           VARCHAR(512)  NOT NULL,
    account_id        BIGINT        NOT NULL,
    extension_number  VARCHAR(8)    NOT NULL,
    user_agent        VARCHAR(255)  NOT NULL,
    source            VARCHAR(64)   NOT NULL,
    transport         VARCHAR(8)    NOT NULL,
    call_id           VARCHAR(255)  NOT NULL,
    cseq              BIGINT        NOT NULL,
    expires_at        DATETIME(6)   NOT NULL,
    refreshed_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (extension_id, contact(255)),
    KEY sip_binding_expires_ix (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
