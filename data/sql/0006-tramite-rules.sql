-- Schema 6 (issue 12): at most one open trámite per plan (open: not deleted and not finished,
-- step < 8). gest_tramite_create() refuses a second one with a message naming the open folio;
-- these triggers make the database refuse it too, so a raw INSERT (the sqlite3 tool, a script)
-- or an UPDATE that reopens a finished trámite or moves one to another plan cannot make two.
--
-- Decisions:
-- - Triggers, not a partial unique index: a database that already holds two open trámites of
--   one plan (made before this rule) must open, and CREATE UNIQUE INDEX would fail on it. The
--   triggers check only rows written from now on; the old pair stays as it is, the statement
--   shows the newest open one, and no third can be added until one of them is finished or
--   deleted. Nothing is changed or deleted by this migration.
-- - Rows the sync applies from the server (sync_applying set) pass: the server enforces the
--   same rule for every pushed trámite (gest-server-rules.c), so what it sends is its decision,
--   and refusing it here would stop the whole sync page on a conflict the server already ruled
--   on (a trámite registered offline on two desktops: the server keeps the first one pushed).
CREATE TRIGGER tramites_one_open_insert BEFORE INSERT ON tramites
WHEN new.deleted = 0 AND new.step < 8
  AND NOT EXISTS (SELECT 1 FROM sync_applying)
  AND EXISTS (SELECT 1 FROM tramites t
              WHERE t.plan_uuid = new.plan_uuid AND t.deleted = 0 AND t.step < 8 AND t.uuid <> new.uuid)
BEGIN
  SELECT RAISE (ABORT, 'the plan already has an open tramite: one open tramite per plan');
END;

CREATE TRIGGER tramites_one_open_update BEFORE UPDATE OF step, deleted, plan_uuid ON tramites
WHEN new.deleted = 0 AND new.step < 8
  AND (old.deleted = 1 OR old.step = 8 OR old.plan_uuid IS NOT new.plan_uuid)
  AND NOT EXISTS (SELECT 1 FROM sync_applying)
  AND EXISTS (SELECT 1 FROM tramites t
              WHERE t.plan_uuid = new.plan_uuid AND t.deleted = 0 AND t.step < 8 AND t.uuid <> new.uuid)
BEGIN
  SELECT RAISE (ABORT, 'the plan already has an open tramite: one open tramite per plan');
END;
