-- Inbound calls: how long a DID's or an extension's phones ring before the call goes to the service
-- continuity destination, and what an inbound call's record says about its way.
--
-- did.ring_timeout_seconds        seconds the routed extension's phones ring before continuity
--                                 (NULL: the extension's, else 25)
-- extension.ring_timeout_seconds  the same for calls to the extension (NULL: 25 for inbound calls,
--                                 the platform's ring time for internal ones)
-- cdr.did                         the DID an inbound call came in on
-- cdr.original_target             the extension the call was meant for (inbound and internal)
-- cdr.answered_by                 the extension that answered, when one did
-- cdr.continuity_reason           why the call went to the continuity destination: NOT_REGISTERED,
--                                 UNREACHABLE or NO_ANSWER (NULL: it did not)
-- cdr.final_destination           where the call went in the end: an extension or a number
ALTER TABLE did ADD COLUMN ring_timeout_seconds SMALLINT NULL,
    ADD CONSTRAINT did_ring_timeout_chk
        CHECK (ring_timeout_seconds IS NULL OR ring_timeout_seconds BETWEEN 5 AND 300);

ALTER TABLE extension ADD COLUMN ring_timeout_seconds SMALLINT NULL,
    ADD CONSTRAINT extension_ring_timeout_chk
        CHECK (ring_timeout_seconds IS NULL OR ring_timeout_seconds BETWEEN 5 AND 300);

ALTER TABLE cdr ADD COLUMN did VARCHAR(16) NULL COMMENT 'the DID an inbound call came in on',
    ADD COLUMN original_target VARCHAR(8) NULL COMMENT 'the extension the call was meant for',
    ADD COLUMN answered_by VARCHAR(8) NULL COMMENT 'the extension that answered',
    ADD COLUMN continuity_reason VARCHAR(16) NULL COMMENT 'NOT_REGISTERED, UNREACHABLE, NO_ANSWER',
    ADD COLUMN final_destination VARCHAR(32) NULL COMMENT 'where the call went in the end';
