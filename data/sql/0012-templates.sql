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

-- (helper "letters": sync outbox triggers below)
