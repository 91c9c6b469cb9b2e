-- Ring groups: a customer account's named set of its extensions that one DID rings, all at once
-- (SIMULTANEOUS) or one after the other (IN_ORDER), before the group's own service continuity
-- destination.
--
-- ring_group.ring_seconds            SIMULTANEOUS: how long every member's phones ring together;
--                                    IN_ORDER: how long each member's phones ring before the next
-- ring_group.continuity_destination  where calls go when no member answers (NULL: the DID's), as
--                                    the customer typed it and the call policy allowed it
-- ring_group_member                  the members in ringing order (position from 0); the
--                                    application keeps them extensions of the group's account,
--                                    1 to 20 of them, each once, and removes an extension from its
--                                    groups when the extension is deleted
-- did.ring_group_id                  the ring group the DID rings (NULL: none); a DID rings an
--                                    extension or a ring group, never both
-- cdr.ring_group                     the name of the ring group an inbound call was meant for
CREATE TABLE ring_group (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    account_id              BIGINT       NOT NULL,
    name                    VARCHAR(40)  NOT NULL,
    strategy                VARCHAR(16)  NOT NULL,
    ring_seconds            SMALLINT     NOT NULL,
    continuity_destination  VARCHAR(32)  NULL,
    created_at              DATETIME(6)  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ring_group_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ring_group_strategy_chk CHECK (strategy IN ('SIMULTANEOUS', 'IN_ORDER')),
    CONSTRAINT ring_group_ring_chk CHECK (ring_seconds BETWEEN 5 AND 300),
    UNIQUE KEY ring_group_name_uk (account_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ring_group_member (
    ring_group_id  BIGINT    NOT NULL,
    position       SMALLINT  NOT NULL,
    extension_id   BIGINT    NOT NULL,
    CONSTRAINT ring_group_member_group_fk FOREIGN KEY (ring_group_id) REFERENCES ring_group (id)
        ON DELETE CASCADE,
    CONSTRAINT ring_group_member_extension_fk FOREIGN KEY (extension_id) REFERENCES extension (id),
    KEY ring_group_member_group_ix (ring_group_id, position),
    KEY ring_group_member_extension_ix (extension_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE did ADD COLUMN ring_group_id BIGINT NULL,
    ADD CONSTRAINT did_ring_group_fk FOREIGN KEY (ring_group_id) REFERENCES ring_group (id),
    ADD CONSTRAINT did_one_target_chk CHECK (extension_id IS NULL OR ring_group_id IS NULL);

ALTER TABLE cdr ADD COLUMN ring_group VARCHAR(40) NULL
    COMMENT 'the ring group an inbound call was meant for';
