-- Schema 8 (issue 12): imports of customers, vehicles and plans from CSV and XLSX exports.

-- The column mapping a user chose, remembered per kind and header set (header_key: the
-- normalized headers joined by '|'); fields: one field id per column, '' for an ignored one,
-- joined by ','. Local to this desktop: another dealer's export may name its columns otherwise.
CREATE TABLE import_mappings (
  kind        TEXT NOT NULL CHECK (kind IN ('customers', 'vehicles', 'plans')),
  header_key  TEXT NOT NULL,
  fields      TEXT NOT NULL,
  updated_at  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, header_key)
) WITHOUT ROWID;

-- One row per import written; its activity entry (file name, counts) has record_uuid = uuid.
CREATE TABLE imports (
  uuid       TEXT PRIMARY KEY NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('customers', 'vehicles', 'plans')),
  file_name  TEXT NOT NULL,
  created    INTEGER NOT NULL DEFAULT 0,
  updated    INTEGER NOT NULL DEFAULT 0,
  unchanged  INTEGER NOT NULL DEFAULT 0,
  refused    INTEGER NOT NULL DEFAULT 0,
  user_name  TEXT NOT NULL DEFAULT '',
  at         INTEGER NOT NULL
);
