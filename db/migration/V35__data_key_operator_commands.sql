-- Key rotation and retirement from the operator's command line (bin/dialtone rotate-keys,
-- retire-key): the command cannot append to the audit chain beside running nodes, so it writes
-- its change with the flag FALSE and the first node whose rotation job sees it audits it and sets
-- the flag (changes made on the page are audited at once: TRUE).

ALTER TABLE data_key_rotation ADD COLUMN start_audited BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE data_key ADD COLUMN retire_audited BOOLEAN NOT NULL DEFAULT TRUE;
