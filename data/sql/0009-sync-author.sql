-- Schema 9 (issue 12): who made each change the desktop sends. With sync, users and roles are
-- facts of the server: it accepts a change only from a user of the device's dealer whose role
-- allows it (data/sync-protocol.md, Authors). The store writes the signed-in login into
-- sync_session at the start of every write transaction (gest_store_begin), and one trigger
-- copies it into each new outbox row, so the per-table triggers stay as they are.

ALTER TABLE sync_outbox ADD COLUMN user_login TEXT NOT NULL DEFAULT '';

-- One row: the login of the user whose write transaction runs now ('' when nobody is signed
-- in, as while the database is being set up).
CREATE TABLE sync_session (
  one    INTEGER PRIMARY KEY CHECK (one = 1),
  login  TEXT NOT NULL DEFAULT ''
);
INSERT INTO sync_session (one, login) VALUES (1, '');

CREATE TRIGGER sync_outbox_author AFTER INSERT ON sync_outbox
BEGIN
  UPDATE sync_outbox SET user_login = (SELECT login FROM sync_session WHERE one = 1)
   WHERE n = new.n;
END;

ALTER TABLE users ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;

-- Users are a synced entity ("user", pulled by every desktop of the dealer with their
-- Argon2id hashes, so any of them can sign a user in offline). Only the fields below travel;
-- the hash never leaves a desktop but to the dealer's own server.
CREATE TRIGGER users_sync_insert AFTER INSERT ON users
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND new.login <> ''
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('user', new.uuid, 'upsert',
          new.sync_version,
          json_object ('login', new.login, 'name', new.name, 'role', new.role, 'email', new.email,
                       'password_hash', new.password_hash, 'active', new.active),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER users_sync_update AFTER UPDATE ON users
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND new.login <> '' AND
    (old.login IS NOT new.login OR
     old.name IS NOT new.name OR
     old.role IS NOT new.role OR
     old.email IS NOT new.email OR
     old.password_hash IS NOT new.password_hash OR
     old.active IS NOT new.active)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('user', new.uuid, 'upsert',
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'login' AS k, new.login AS v WHERE old.login IS NOT new.login
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name
                 UNION ALL SELECT 'role', new.role WHERE old.role IS NOT new.role
                 UNION ALL SELECT 'email', new.email WHERE old.email IS NOT new.email
                 UNION ALL SELECT 'password_hash', new.password_hash WHERE old.password_hash IS NOT new.password_hash
                 UNION ALL SELECT 'active', new.active WHERE old.active IS NOT new.active)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Routing settings (T2: the low-debt limit, the installments limit, each area's name and
-- phones) are the dealer's, not one desktop's: they travel as records of the entity "setting"
-- (fields key, value), so the server checks who changed them (settings.routing) and every
-- desktop of the dealer gets them. Each key has a fixed uuid, the same on every desktop.
-- settings stays the table the app reads and writes; triggers mirror its routing rows into
-- sync_settings (whose changes enter the outbox) and pulled rows back into settings.
CREATE TABLE sync_setting_keys (
  key   TEXT PRIMARY KEY NOT NULL,
  uuid  TEXT NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO sync_setting_keys (key, uuid) VALUES
  ('routing.low-debt-limit', '5e771260-0000-4000-8000-000000000001'),
  ('routing.installments-limit', '5e771260-0000-4000-8000-000000000002'),
  ('routing.area.atencion-clientes.name', '5e771260-0000-4000-8000-000000000003'),
  ('routing.area.atencion-clientes.phones', '5e771260-0000-4000-8000-000000000004'),
  ('routing.area.cobranza-temprana.name', '5e771260-0000-4000-8000-000000000005'),
  ('routing.area.cobranza-temprana.phones', '5e771260-0000-4000-8000-000000000006'),
  ('routing.area.cobranza-extrajudicial.name', '5e771260-0000-4000-8000-000000000007'),
  ('routing.area.cobranza-extrajudicial.phones', '5e771260-0000-4000-8000-000000000008');

CREATE TABLE sync_settings (
  uuid          TEXT PRIMARY KEY NOT NULL,
  key           TEXT NOT NULL UNIQUE,
  value         TEXT,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  updated_at    INTEGER NOT NULL DEFAULT 0,
  sync_version  INTEGER NOT NULL DEFAULT 0
);
-- Values set before this schema stay on this desktop until they are changed again.
INSERT INTO sync_settings (uuid, key, value, updated_at)
SELECT k.uuid, s.key, s.value, s.updated_at FROM settings s JOIN sync_setting_keys k ON k.key = s.key;

CREATE TRIGGER settings_sync_insert AFTER INSERT ON settings
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND new.key IN (SELECT key FROM sync_setting_keys)
BEGIN
  INSERT INTO sync_settings (uuid, key, value, updated_at)
  SELECT k.uuid, new.key, new.value, new.updated_at FROM sync_setting_keys k WHERE k.key = new.key
  ON CONFLICT (uuid) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
END;

CREATE TRIGGER settings_sync_update AFTER UPDATE OF value ON settings
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND new.key IN (SELECT key FROM sync_setting_keys)
     AND old.value IS NOT new.value
BEGIN
  INSERT INTO sync_settings (uuid, key, value, updated_at)
  SELECT k.uuid, new.key, new.value, new.updated_at FROM sync_setting_keys k WHERE k.key = new.key
  ON CONFLICT (uuid) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
END;

CREATE TRIGGER sync_settings_insert AFTER INSERT ON sync_settings
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('setting', new.uuid, 'upsert', new.sync_version, json_object ('key', new.key, 'value', new.value),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER sync_settings_update AFTER UPDATE OF value ON sync_settings
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND old.value IS NOT new.value
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('setting', new.uuid, 'upsert', new.sync_version, json_object ('key', new.key, 'value', new.value),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Pulled: into the settings the app reads (only the keys this version knows).
CREATE TRIGGER sync_settings_pulled_insert AFTER INSERT ON sync_settings
WHEN EXISTS (SELECT 1 FROM sync_applying) AND new.value IS NOT NULL AND new.deleted = 0
     AND new.key IN (SELECT key FROM sync_setting_keys)
BEGIN
  INSERT INTO settings (key, value, updated_at) VALUES (new.key, new.value, new.updated_at)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
END;

CREATE TRIGGER sync_settings_pulled_update AFTER UPDATE OF value ON sync_settings
WHEN EXISTS (SELECT 1 FROM sync_applying) AND new.value IS NOT NULL AND new.deleted = 0
     AND new.key IN (SELECT key FROM sync_setting_keys)
BEGIN
  INSERT INTO settings (key, value, updated_at) VALUES (new.key, new.value, new.updated_at)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
END;
