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
