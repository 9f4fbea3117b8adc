-- Issue 13 (Q6, Q8): texts with placeholders ({{customer.name}}) that modules resolve from a
-- record: messages to customers, answer letters, call scripts. kind is the module's own word
-- ("complaint.in-process", "complaint.answer-letter"); a module may offer several templates
-- of one kind. The placeholders a kind accepts are its module's (unknown ones are refused
-- when the template is saved).
CREATE TABLE templates (
  uuid          TEXT PRIMARY KEY NOT NULL,
  kind          TEXT NOT NULL,
  name          TEXT NOT NULL,
  subject       TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL,
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX templates_kind ON templates (kind, deleted, name);

-- Templates sync as the shared entity "template" (src/sync/gest-sync-apply.c), as in
-- 0002-sync.sql: an insert sends every synced field, an update those that changed; nothing
-- while the sync applies pulled changes. The base version is the row's own sync_version.
CREATE TRIGGER templates_sync_insert AFTER INSERT ON templates
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('template', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('kind', new.kind, 'name', new.name, 'subject', new.subject, 'body', new.body),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER templates_sync_update AFTER UPDATE ON templates
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.kind IS NOT new.kind OR
     old.name IS NOT new.name OR
     old.subject IS NOT new.subject OR
     old.body IS NOT new.body)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('template', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name
                 UNION ALL SELECT 'subject', new.subject WHERE old.subject IS NOT new.subject
                 UNION ALL SELECT 'body', new.body WHERE old.body IS NOT new.body)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;
