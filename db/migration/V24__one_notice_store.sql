-- One store for every notice: portal_notice. Every component posts its notices there
-- (notification.boundary.Notifications.post): one row per recipient, about one account, with the
-- texts in the recipient's language as written, unread until the recipient marks it read.
--
--   account_id   the account the notice is about (a customer's, for a limit request its deciders
--                are told of; the platform's, for a ban)
--   dedupe_key   set for notices told at most once (the writer inserts with INSERT IGNORE):
--                'ban:<address>:<since, epoch ms>' once per ban, 'burst:<extension id>:<window>'
--                once per extension and window, 'offline:<extension id>:<last seen, epoch ms>'
--                once per offline transition
--
-- The registrar's notices (sip_notice) and the usage page's (usage_notice) move in, then their
-- tables go. A registrar notice keeps its recipient, read (dismissed) time and dedupe key; a usage
-- notice goes to each active customer administrator of its account who has no copy of it yet
-- (since the notice centre came, each one was also posted there, within the same instant). Texts
-- are those the application writes today, in French for users who chose French.

ALTER TABLE portal_notice
    ADD COLUMN account_id BIGINT NULL AFTER user_id,
    ADD COLUMN dedupe_key VARCHAR(128) NULL;

-- The notices written so far went to the users of the account they were about, or (limit requests
-- received) to its deciders: their own account is the closest known.
UPDATE portal_notice n JOIN app_user u ON u.id = n.user_id SET n.account_id = u.account_id;

INSERT INTO portal_notice (user_id, account_id, kind, subject, body, created_at, read_at, dedupe_key)
SELECT s.user_id,
       s.account_id,
       CASE s.kind
           WHEN 'SOURCE_BANNED' THEN 'SIP_SOURCE_BANNED'
           WHEN 'FAILURE_BURST' THEN 'SIP_FAILURE_BURST'
           ELSE 'SIP_DEVICE_OFFLINE'
       END,
       CASE
           WHEN u.locale LIKE 'fr%' THEN CASE s.kind
               WHEN 'SOURCE_BANNED' THEN CONCAT('Dialtone : adresse SIP ', s.subject, ' bannie')
               WHEN 'FAILURE_BURST' THEN CONCAT('Dialtone : quelqu’un essaie de deviner le mot de passe du poste ', s.subject)
               ELSE CONCAT('Dialtone : aucun téléphone enregistré pour le poste ', s.subject)
           END
           ELSE CASE s.kind
               WHEN 'SOURCE_BANNED' THEN CONCAT('Dialtone: SIP address ', s.subject, ' banned')
               WHEN 'FAILURE_BURST' THEN CONCAT('Dialtone: someone is guessing the password of extension ', s.subject)
               ELSE CONCAT('Dialtone: no phone registered for extension ', s.subject)
           END
       END,
       CASE
           WHEN u.locale LIKE 'fr%' THEN CASE s.kind
               WHEN 'SOURCE_BANNED' THEN CONCAT('Le serveur SIP a banni ', s.subject, ' le ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'), ' : ',
                   CASE s.detail
                       WHEN 'DIGEST_FAILURES' THEN 'authentifications échouées répétées'
                       WHEN 'FLOOD' THEN 'trop de requêtes'
                       WHEN 'SCANNER' THEN 'scanner SIP'
                       ELSE 'messages illisibles répétés'
                   END, '.')
               WHEN 'FAILURE_BURST' THEN CONCAT('Quelqu’un essaie de deviner le mot de passe SIP du poste ',
                   s.subject, ' : ', COALESCE(s.detail, '?'), ' tentatives échouées depuis le ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'),
                   '. Vos téléphones ne sont pas bloqués et continuent de fonctionner.')
               ELSE CONCAT('Poste ', s.subject, ' : plus aucun téléphone n’est enregistré (vu pour la dernière fois le ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'), ').')
           END
           ELSE CASE s.kind
               WHEN 'SOURCE_BANNED' THEN CONCAT('The SIP registrar banned ', s.subject, ' on ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'), ': ',
                   CASE s.detail
                       WHEN 'DIGEST_FAILURES' THEN 'repeated failed authentications'
                       WHEN 'FLOOD' THEN 'too many requests'
                       WHEN 'SCANNER' THEN 'SIP scanner'
                       ELSE 'repeated unreadable messages'
                   END, '.')
               WHEN 'FAILURE_BURST' THEN CONCAT('Someone is guessing the SIP password of extension ',
                   s.subject, ': ', COALESCE(s.detail, '?'), ' failed attempts since ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'),
                   '. Your phones are not locked out and keep working.')
               ELSE CONCAT('Extension ', s.subject, ': no phone is registered any more (last seen ',
                   DATE_FORMAT(s.occurred_at, '%Y-%m-%d %H:%i UTC'), ').')
           END
       END,
       s.created_at,
       s.dismissed_at,
       s.dedupe_key
FROM sip_notice s
JOIN app_user u ON u.id = s.user_id;

INSERT INTO portal_notice (user_id, account_id, kind, subject, body, created_at)
SELECT m.user_id,
       m.account_id,
       m.kind,
       CASE
           WHEN m.fr AND m.kind IN ('USAGE_ALERT', 'CONCURRENT_CALLS_ALERT') THEN
               CONCAT('Dialtone : ', m.level, ' % du plafond « ', LOWER(m.cap_fr), ' » atteints')
           WHEN m.kind IN ('USAGE_ALERT', 'CONCURRENT_CALLS_ALERT') THEN
               CONCAT('Dialtone: ', m.level, ' % of the ', LOWER(m.cap_en), ' cap reached')
           WHEN m.fr AND m.kind = 'LIMIT_REQUEST_APPROVED' THEN 'Dialtone : demande de plafond approuvée'
           WHEN m.kind = 'LIMIT_REQUEST_APPROVED' THEN 'Dialtone: limit request approved'
           WHEN m.fr AND m.kind = 'LIMIT_REQUEST_REFUSED' THEN 'Dialtone : demande de plafond refusée'
           WHEN m.kind = 'LIMIT_REQUEST_REFUSED' THEN 'Dialtone: limit request refused'
           WHEN m.fr THEN 'Dialtone : une hausse temporaire de plafond est terminée'
           ELSE 'Dialtone: a temporary limit raise ended'
       END,
       CASE
           WHEN m.fr THEN CASE m.old_kind
               WHEN 'ALERT_80' THEN CONCAT(m.cap_fr, ' : 80 % du plafond sont utilisés (', m.amount, ').')
               WHEN 'ALERT_100' THEN CONCAT(m.cap_fr, ' : le plafond est atteint (', m.amount, '). Les nouveaux appels sont refusés jusqu’à la fin de la période.')
               WHEN 'CALLS_80' THEN CONCAT(m.cap_fr, ' : 80 % du plafond sont utilisés (', m.amount, ' appels en cours).')
               WHEN 'CALLS_100' THEN CONCAT(m.cap_fr, ' : le plafond est atteint (', m.amount, ' appels en cours). Les appels supplémentaires sont refusés jusqu’à ce que certains se terminent.')
               WHEN 'REQUEST_APPROVED' THEN CONCAT(m.cap_fr, ' : votre demande a été approuvée ; le plafond est maintenant ', m.amount, '. ', m.detail)
               WHEN 'REQUEST_REFUSED' THEN CONCAT(m.cap_fr, ' : votre demande de ', m.amount, ' a été refusée. ', m.detail)
               ELSE CONCAT(m.cap_fr, ' : la hausse temporaire est terminée ; le plafond est de nouveau ', m.amount, '.')
           END
           ELSE CASE m.old_kind
               WHEN 'ALERT_80' THEN CONCAT(m.cap_en, ': 80 % of the cap is used (', m.amount, ').')
               WHEN 'ALERT_100' THEN CONCAT(m.cap_en, ': the cap is reached (', m.amount, '). New calls are refused until the period ends.')
               WHEN 'CALLS_80' THEN CONCAT(m.cap_en, ': 80 % of the cap is in use (', m.amount, ' calls in progress).')
               WHEN 'CALLS_100' THEN CONCAT(m.cap_en, ': the cap is reached (', m.amount, ' calls in progress). Further calls are refused until some end.')
               WHEN 'REQUEST_APPROVED' THEN CONCAT(m.cap_en, ': your request was approved; the cap is now ', m.amount, '. ', m.detail)
               WHEN 'REQUEST_REFUSED' THEN CONCAT(m.cap_en, ': your request for ', m.amount, ' was refused. ', m.detail)
               ELSE CONCAT(m.cap_en, ': the temporary raise ended; the cap is ', m.amount, ' again.')
           END
       END,
       m.created_at
FROM (
    SELECT u.id AS user_id,
           n.account_id,
           n.kind AS old_kind,
           CASE n.kind
               WHEN 'ALERT_80' THEN 'USAGE_ALERT'
               WHEN 'ALERT_100' THEN 'USAGE_ALERT'
               WHEN 'CALLS_80' THEN 'CONCURRENT_CALLS_ALERT'
               WHEN 'CALLS_100' THEN 'CONCURRENT_CALLS_ALERT'
               WHEN 'REQUEST_APPROVED' THEN 'LIMIT_REQUEST_APPROVED'
               WHEN 'REQUEST_REFUSED' THEN 'LIMIT_REQUEST_REFUSED'
               ELSE 'LIMIT_RAISE_ENDED'
           END AS kind,
           CASE WHEN n.kind IN ('ALERT_100', 'CALLS_100') THEN '100' ELSE '80' END AS level,
           CASE n.cap
               WHEN 'DAILY_SPEND' THEN 'Daily spend'
               WHEN 'MONTHLY_SPEND' THEN 'Monthly spend'
               WHEN 'MONTHLY_MINUTES' THEN 'Minutes per month'
               ELSE 'Concurrent calls'
           END AS cap_en,
           CASE n.cap
               WHEN 'DAILY_SPEND' THEN 'Dépenses par jour'
               WHEN 'MONTHLY_SPEND' THEN 'Dépenses par mois'
               WHEN 'MONTHLY_MINUTES' THEN 'Minutes par mois'
               ELSE 'Appels simultanés'
           END AS cap_fr,
           COALESCE(n.amount, '-') AS amount,
           COALESCE(n.detail, '') AS detail,
           u.locale LIKE 'fr%' AS fr,
           n.created_at
    FROM usage_notice n
    JOIN app_user u ON u.account_id = n.account_id AND u.status = 'ACTIVE'
    JOIN user_role r ON r.user_id = u.id AND r.role = 'CUSTOMER_ADMIN'
) m
WHERE NOT EXISTS (
    SELECT 1 FROM portal_notice p
    WHERE p.user_id = m.user_id AND p.kind = m.kind
      AND p.created_at BETWEEN m.created_at - INTERVAL 5 SECOND AND m.created_at + INTERVAL 5 SECOND);

ALTER TABLE portal_notice
    MODIFY account_id BIGINT NOT NULL COMMENT 'the account the notice is about',
    ADD CONSTRAINT portal_notice_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    ADD UNIQUE KEY portal_notice_once_uk (user_id, dedupe_key),
    ADD KEY portal_notice_about_ix (user_id, account_id, created_at);

DROP TABLE sip_notice;
DROP TABLE usage_notice;
