-- Portal notices (issue 4, self-service gaps): the notice centre every signed-in user has (the bell
-- in the header, /notices/index.xhtml). One row per recipient, written in the same transaction as
-- the change it tells of, by notification.control.PortalNotices only, next to the e-mail that goes
-- out after commit. subject and body are the e-mail's texts in the recipient's language at the
-- time (never a one-time link or a secret: kinds that carry one are refused by the writer).
-- read_at: when the recipient marked it read (NULL: unread; the bell counts those).
CREATE TABLE portal_notice (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    user_id     BIGINT         NOT NULL,
    kind        VARCHAR(40)    NOT NULL,
    subject     VARCHAR(200)   NOT NULL,
    body        VARCHAR(2000)  NOT NULL,
    created_at  DATETIME(6)    NOT NULL,
    read_at     DATETIME(6)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT portal_notice_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    KEY portal_notice_list_ix (user_id, created_at),
    KEY portal_notice_unread_ix (user_id, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The pending limit requests an approver sees are selected in SQL by status and the approver's
-- subtree (account_id IN ...), oldest first.
CREATE INDEX limit_request_pending_ix ON limit_request (status, account_id, requested_at);
