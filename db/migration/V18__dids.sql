-- DIDs (direct inward dialling numbers; issues 3 item 7 and 4 items 1–2): the platform's inventory
-- of E.164 numbers, who holds each, where a customer routes it and its service continuity target.
--
-- account_id is the one account that holds the number: the platform account (id 1) while it is in
-- the inventory, a reseller it was assigned to, or a customer account. Assigning moves the number;
-- taking it back moves it to the account of whoever takes it back. A number is held by exactly one
-- account at a time and exists once (unique number).
--
-- extension_id: the extension of the holding customer account the number rings (NULL: none); the
-- application checks that it is a live extension of that account, and clears the route and the
-- continuity destination whenever the number changes hands. continuity_destination: where calls go
-- when no device of the route is registered or answers, as the customer typed it, checked against
-- the account's call policy like a dialled number (SECURITY.md E6).
CREATE TABLE did (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    number                  VARCHAR(16)  NOT NULL,
    account_id              BIGINT       NOT NULL,
    extension_id            BIGINT       NULL,
    continuity_destination  VARCHAR(32)  NULL,
    created_at              DATETIME(6)  NOT NULL,
    assigned_at             DATETIME(6)  NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT did_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT did_extension_fk FOREIGN KEY (extension_id) REFERENCES extension (id),
    CONSTRAINT did_number_chk CHECK (CAST(number AS BINARY) REGEXP '^[+][1-9][0-9]{1,14}$'),
    UNIQUE KEY did_number_uk (number),
    KEY did_account_ix (account_id, number),
    KEY did_extension_ix (extension_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
