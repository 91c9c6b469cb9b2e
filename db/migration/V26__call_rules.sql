-- Calls through Dialtone: what call admission and a call's ledger keep.
--
-- extension.outbound_caller_id  the DID the extension presents on outbound calls (one of its
--                               account's; checked when set and again at call time); NULL: the
--                               account's default
-- did.caller_id_default         the account's default outbound caller ID (at most one per holder,
--                               kept by the DID component)
-- usage_limit.max_call_minutes  longest an answered call may last (NULL: 240 minutes)
-- cdr.hangup_side               who ended an answered call: CALLER, CALLEE, MAX_DURATION, SYSTEM
-- cdr.sip_status                the final SIP status of the attempt (200 answered, 486 busy ...);
--                               NULL for records written before and for blocked attempts
ALTER TABLE extension ADD COLUMN outbound_caller_id VARCHAR(16) NULL,
    ADD CONSTRAINT extension_caller_id_chk
        CHECK (outbound_caller_id IS NULL OR CAST(outbound_caller_id AS BINARY) REGEXP '^[+][1-9][0-9]{1,14}$');

ALTER TABLE did ADD COLUMN caller_id_default BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE usage_limit ADD COLUMN max_call_minutes INT NULL,
    ADD CONSTRAINT usage_limit_max_call_chk
        CHECK (max_call_minutes IS NULL OR max_call_minutes BETWEEN 1 AND 1440);

ALTER TABLE cdr ADD COLUMN hangup_side VARCHAR(16) NULL COMMENT 'who ended an answered call',
    ADD COLUMN sip_status SMALLINT UNSIGNED NULL COMMENT 'final SIP status of the attempt';
