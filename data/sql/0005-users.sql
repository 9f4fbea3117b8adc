-- Schema 5 (issue 12): dealer users sign in. A user has a login and a password stored only as
-- an Argon2id hash (libsodium's crypto_pwhash_str: algorithm, parameters and salt included);
-- a user who leaves is deactivated, never deleted, so the log's names keep their meaning.
ALTER TABLE users ADD COLUMN login TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE users ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
-- Who created or last changed the user (a login), for the users page's history.
ALTER TABLE users ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX users_login ON users (login) WHERE login <> '';
