-- Gestiona schema 1: what the app shell and trámites need.
-- Conventions: every table that syncs has a TEXT uuid primary key, updated_at (unix
-- microseconds, UTC) and deleted (0/1 tombstone). Money is INTEGER centavos. Calendar dates
-- are ISO 'yyyy-mm-dd' TEXT. Moments are INTEGER unix microseconds.

CREATE TABLE settings (
  key         TEXT PRIMARY KEY NOT NULL,
  value       TEXT NOT NULL,
  updated_at  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
  uuid        TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL,            -- gest_role_id(): general-manager, cs-analyst...
  email       TEXT NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL DEFAULT 0,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE customers (
  uuid                TEXT PRIMARY KEY NOT NULL,
  kind                TEXT NOT NULL DEFAULT 'fisica' CHECK (kind IN ('fisica', 'moral')),
  name                TEXT NOT NULL,    -- full name or company name (razón social)
  rfc                 TEXT NOT NULL DEFAULT '',
  fiscal_postal_code  TEXT NOT NULL DEFAULT '',
  street              TEXT NOT NULL DEFAULT '',
  ext_number          TEXT NOT NULL DEFAULT '',
  int_number          TEXT NOT NULL DEFAULT '',
  neighborhood        TEXT NOT NULL DEFAULT '',
  city                TEXT NOT NULL DEFAULT '',
  state_code          TEXT NOT NULL DEFAULT '',
  postal_code         TEXT NOT NULL DEFAULT '',
  email               TEXT NOT NULL DEFAULT '',
  phone_mobile        TEXT NOT NULL DEFAULT '',   -- 10 digits
  phone_home          TEXT NOT NULL DEFAULT '',
  phone_work          TEXT NOT NULL DEFAULT '',
  updated_at          INTEGER NOT NULL DEFAULT 0,
  deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX customers_rfc ON customers (rfc);

CREATE TABLE vehicles (
  uuid           TEXT PRIMARY KEY NOT NULL,
  vin            TEXT NOT NULL UNIQUE,
  model          TEXT NOT NULL DEFAULT '',
  year           INTEGER NOT NULL DEFAULT 0,
  km             INTEGER NOT NULL DEFAULT 0,
  plate          TEXT NOT NULL DEFAULT '',
  customer_uuid  TEXT REFERENCES customers (uuid),
  updated_at     INTEGER NOT NULL DEFAULT 0,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX vehicles_customer ON vehicles (customer_uuid);

-- Conauto autofinancing plans. balance, overdue, installment, life_insurance and as_of are
-- Conauto's (server-owned when sync exists).
CREATE TABLE plans (
  uuid            TEXT PRIMARY KEY NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  customer_uuid   TEXT NOT NULL REFERENCES customers (uuid),
  vehicle_uuid    TEXT REFERENCES vehicles (uuid),
  installment     INTEGER NOT NULL CHECK (installment > 0),
  balance         INTEGER NOT NULL CHECK (balance >= 0),
  overdue         INTEGER NOT NULL DEFAULT 0 CHECK (overdue >= 0),
  life_insurance  INTEGER NOT NULL DEFAULT 0 CHECK (life_insurance >= 0),
  as_of           TEXT NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX plans_customer ON plans (customer_uuid);
CREATE INDEX plans_vehicle ON plans (vehicle_uuid);

-- Folio numbers per type (prefix) and year.
CREATE TABLE folio_counters (
  prefix  TEXT NOT NULL,
  year    INTEGER NOT NULL,
  last    INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
) WITHOUT ROWID;

-- Early payoff trámites (T1-T7). One folio follows the payoff, the car-insurance
-- cancellation and the invoice delivery (T5).
CREATE TABLE tramites (
  uuid                   TEXT PRIMARY KEY NOT NULL,
  folio                  TEXT NOT NULL UNIQUE,
  plan_uuid              TEXT NOT NULL REFERENCES plans (uuid),
  step                   INTEGER NOT NULL DEFAULT 2 CHECK (step BETWEEN 1 AND 8),
  step_since             INTEGER NOT NULL,        -- when it entered the step
  agreed_amount          INTEGER NOT NULL CHECK (agreed_amount > 0),   -- T3, no life insurance
  agreed_date            TEXT NOT NULL,           -- T3
  notes                  TEXT NOT NULL DEFAULT '',
  -- T2 decision as taken, so an audit can replay it after the settings change.
  statement_balance      INTEGER NOT NULL,
  statement_overdue      INTEGER NOT NULL,
  statement_installment  INTEGER NOT NULL,
  statement_life_insurance INTEGER NOT NULL,
  statement_as_of        TEXT NOT NULL,
  routing_area           TEXT NOT NULL,           -- gest_area_id()
  routing_reason         TEXT NOT NULL,
  routing_low_limit      INTEGER NOT NULL,
  routing_installments   INTEGER NOT NULL,
  -- T5 checklist
  docs_sent_at           INTEGER,
  payment_amount         INTEGER,
  payment_date           TEXT,
  payment_reference      TEXT,
  payment_proof_uuid     TEXT REFERENCES documents (uuid),
  insurance_cancelled_at INTEGER,
  invoice_released_at    INTEGER,
  invoice_delivered_at   INTEGER,
  ack_returned_at        INTEGER,
  created_by             TEXT NOT NULL DEFAULT '',
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL DEFAULT 0,
  deleted                INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX tramites_step ON tramites (deleted, step, step_since);
CREATE INDEX tramites_plan ON tramites (plan_uuid);

-- Documents: content-addressed files (sha256 names the file under the store's files folder),
-- metadata here. The same content attached twice is stored once on disk.
CREATE TABLE documents (
  uuid         TEXT PRIMARY KEY NOT NULL,
  record_uuid  TEXT NOT NULL,              -- the trámite, complaint... it belongs to
  kind         TEXT NOT NULL,              -- payment-proof, identification, plan-statement, invoice, acknowledgment, other
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL CHECK (size >= 0),
  mime_type    TEXT NOT NULL,
  filename     TEXT NOT NULL,
  added_by     TEXT NOT NULL DEFAULT '',
  added_at     INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL DEFAULT 0,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX documents_record ON documents (record_uuid, deleted);
CREATE INDEX documents_sha ON documents (sha256);

-- X5: append-only, tamper-evident activity log. hash = SHA-256(prev_hash || canonical entry).
-- Each device keeps its own chain per record (origin: the sync device id that wrote the entry,
-- '' before the desktop is enrolled), so entries that two desktops add offline to the same
-- record merge as they are, never renumbered.
CREATE TABLE activity (
  record_uuid   TEXT NOT NULL,
  origin        TEXT NOT NULL DEFAULT '',
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  at            INTEGER NOT NULL,
  user_name     TEXT NOT NULL,
  user_role     TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('note', 'call', 'email', 'letter', 'visit', 'status', 'document')),
  text          TEXT NOT NULL,
  contact_name  TEXT,
  contact_role  TEXT,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL,
  PRIMARY KEY (record_uuid, origin, seq)
);
CREATE INDEX activity_record_at ON activity (record_uuid, at);
CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
BEGIN
  SELECT RAISE (ABORT, 'the activity log is append-only');
END;
CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
BEGIN
  SELECT RAISE (ABORT, 'the activity log is append-only');
END;

-- Outgoing e-mail (T4): written in the same transaction as the action that sends it, so
-- nothing is lost when the app closes; a sender drains it and retries failures.
CREATE TABLE mail_outbox (
  uuid          TEXT PRIMARY KEY NOT NULL,
  record_uuid   TEXT,                       -- the trámite the mail is about (for the log)
  recipient     TEXT NOT NULL,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  attachments   TEXT NOT NULL DEFAULT '[]', -- JSON array of document uuids
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  created_at    INTEGER NOT NULL,
  sent_at       INTEGER,
  updated_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt);

-- Global search (FTS5): one row per customer, plan, vehicle and trámite, kept by triggers.
-- kind: customer, plan, vehicle, tramite. Accent-insensitive through remove_diacritics.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  uuid UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The index row of a record has rowid = record rowid * 4 + kind code (0 customer, 1 plan,
-- 2 vehicle, 3 trámite), so triggers find it by key, never by scanning.
CREATE TRIGGER customers_search_insert AFTER INSERT ON customers WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES (new.rowid * 4, 'customer', new.uuid, new.name,
          new.rfc || ' ' || new.email || ' ' || new.phone_mobile || ' ' || new.city);
END;
CREATE TRIGGER customers_search_update AFTER UPDATE ON customers
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4, 'customer', new.uuid, new.name,
         new.rfc || ' ' || new.email || ' ' || new.phone_mobile || ' ' || new.city
  WHERE new.deleted = 0;
END;
-- A renamed customer: the plans, vehicles and trámites indexed with the name follow.
CREATE TRIGGER customers_search_rename AFTER UPDATE OF name ON customers
BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT rowid * 4 + 1 FROM plans WHERE customer_uuid = new.uuid);
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT p.rowid * 4 + 1, 'plan', p.uuid, p.number, new.name
  FROM plans p WHERE p.customer_uuid = new.uuid AND p.deleted = 0;
  DELETE FROM search_index WHERE rowid IN (SELECT rowid * 4 + 2 FROM vehicles WHERE customer_uuid = new.uuid);
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT v.rowid * 4 + 2, 'vehicle', v.uuid, v.vin,
         v.model || ' ' || v.year || ' ' || v.plate || ' ' || new.name
  FROM vehicles v WHERE v.customer_uuid = new.uuid AND v.deleted = 0;
  DELETE FROM search_index WHERE rowid IN (SELECT t.rowid * 4 + 3 FROM tramites t
                                           JOIN plans p ON p.uuid = t.plan_uuid
                                           WHERE p.customer_uuid = new.uuid);
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT t.rowid * 4 + 3, 'tramite', t.uuid, t.folio, p.number || ' ' || new.name
  FROM tramites t JOIN plans p ON p.uuid = t.plan_uuid
  WHERE p.customer_uuid = new.uuid AND t.deleted = 0;
END;
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4;
END;

CREATE TRIGGER plans_search_insert AFTER INSERT ON plans WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4 + 1, 'plan', new.uuid, new.number, c.name
  FROM customers c WHERE c.uuid = new.customer_uuid;
END;
CREATE TRIGGER plans_search_update AFTER UPDATE OF number, customer_uuid, deleted ON plans
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 1;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4 + 1, 'plan', new.uuid, new.number, c.name
  FROM customers c WHERE c.uuid = new.customer_uuid AND new.deleted = 0;
END;
CREATE TRIGGER plans_search_delete AFTER DELETE ON plans
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 1;
END;

CREATE TRIGGER vehicles_search_insert AFTER INSERT ON vehicles WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES (new.rowid * 4 + 2, 'vehicle', new.uuid, new.vin,
          new.model || ' ' || new.year || ' ' || new.plate || ' ' ||
          coalesce ((SELECT name FROM customers WHERE uuid = new.customer_uuid), ''));
END;
CREATE TRIGGER vehicles_search_update AFTER UPDATE OF vin, model, year, plate, customer_uuid, deleted ON vehicles
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 2;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4 + 2, 'vehicle', new.uuid, new.vin,
         new.model || ' ' || new.year || ' ' || new.plate || ' ' ||
         coalesce ((SELECT name FROM customers WHERE uuid = new.customer_uuid), '')
  WHERE new.deleted = 0;
END;
CREATE TRIGGER vehicles_search_delete AFTER DELETE ON vehicles
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 2;
END;

CREATE TRIGGER tramites_search_insert AFTER INSERT ON tramites WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4 + 3, 'tramite', new.uuid, new.folio, p.number || ' ' || c.name
  FROM plans p JOIN customers c ON c.uuid = p.customer_uuid WHERE p.uuid = new.plan_uuid;
END;
CREATE TRIGGER tramites_search_update AFTER UPDATE OF folio, plan_uuid, deleted ON tramites
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 3;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4 + 3, 'tramite', new.uuid, new.folio, p.number || ' ' || c.name
  FROM plans p JOIN customers c ON c.uuid = p.customer_uuid
  WHERE p.uuid = new.plan_uuid AND new.deleted = 0;
END;
CREATE TRIGGER tramites_search_delete AFTER DELETE ON tramites
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4 + 3;
END;
