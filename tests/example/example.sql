-- The example module's migration (HACKING.md, "Adding a module"). A real module puts this in
-- data/sql/NNNN-<module>.sql (the next number) and lists it in ui/gestiona.gresource.xml; the
-- example exists only in the tests, so test-example.c applies it to its store.

-- One synced entity, "note": a TEXT uuid key, the fields that travel (title, state), and the
-- columns every synced table has: updated_at (unix µs, local), deleted, sync_version (the
-- server's version of the row).
CREATE TABLE example_notes (
  uuid          TEXT PRIMARY KEY NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  state         INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1)),   -- 0 to do, 1 done
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0,
  sync_version  INTEGER NOT NULL DEFAULT 0
);
-- The board: a column is the live notes of one state, in the order of their last change.
CREATE INDEX example_notes_board ON example_notes (state, updated_at);

-- Outbox triggers (as in 0002-sync.sql): an insert sends every synced field, an update only
-- those that changed; nothing while the sync applies pulled changes (sync_applying has a row).
-- The base version is the row's own sync_version.
CREATE TRIGGER example_notes_sync_insert AFTER INSERT ON example_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('note', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('title', new.title, 'state', new.state),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER example_notes_sync_update AFTER UPDATE ON example_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.title IS NOT new.title OR
     old.state IS NOT new.state)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('note', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'title' AS k, new.title AS v WHERE old.title IS NOT new.title
                 UNION ALL SELECT 'state', new.state WHERE old.state IS NOT new.state)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Search: kind "note" takes search code 1, so its index rows have
-- rowid = (1 << 40) + the note's rowid (HACKING.md, "Adding a migration"). A real module takes
-- the next free code and writes it here.
CREATE TRIGGER example_notes_search_insert AFTER INSERT ON example_notes WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES ((1 << 40) + new.rowid, 'note', new.uuid, new.title, '');
END;

CREATE TRIGGER example_notes_search_update AFTER UPDATE OF title, deleted ON example_notes
BEGIN
  DELETE FROM search_index WHERE rowid = (1 << 40) + old.rowid;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (1 << 40) + new.rowid, 'note', new.uuid, new.title, '' WHERE new.deleted = 0;
END;

CREATE TRIGGER example_notes_search_delete AFTER DELETE ON example_notes
BEGIN
  DELETE FROM search_index WHERE rowid = (1 << 40) + old.rowid;
END;
