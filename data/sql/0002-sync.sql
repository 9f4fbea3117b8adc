-- Gestiona schema 2: offline-first sync with the Conauto server (X3, T7; data/sync-protocol.md).
-- Every local change to a synced table writes an outbox row in the same transaction (the
-- triggers below), so nothing is lost when the app closes or the network is down. Changes the
-- sync client applies from the server set the sync_applying flag inside their own transaction,
-- so they never enter the outbox.

-- Local changes waiting for (or done with) the server. n is the device's mutation number: it
-- never repeats, so a replay after a cut connection is recognised by the server.
CREATE TABLE sync_outbox (
  n             INTEGER PRIMARY KEY AUTOINCREMENT,
  entity        TEXT NOT NULL,
  uuid          TEXT NOT NULL,
  op            TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  base_version  INTEGER NOT NULL DEFAULT 0,   -- the record's server version when it was changed
  fields        TEXT NOT NULL CHECK (json_valid (fields)),
  created_at    INTEGER NOT NULL,
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'applied', 'rejected')),
  version       INTEGER,                      -- the server's version when applied
  result        TEXT                          -- the rejection message
);
CREATE INDEX sync_outbox_queued ON sync_outbox (state, n);
CREATE INDEX sync_outbox_record ON sync_outbox (entity, uuid, n);

-- Key/value: server-url, device-id, dealer-id, cursor, last-sync (unix µs), last-error.
CREATE TABLE sync_state (
  key    TEXT PRIMARY KEY NOT NULL,
  value  TEXT NOT NULL
);

-- The server version of every record this desktop has seen (pulled or pushed).
CREATE TABLE sync_versions (
  entity   TEXT NOT NULL,
  uuid     TEXT NOT NULL,
  version  INTEGER NOT NULL,
  PRIMARY KEY (entity, uuid)
) WITHOUT ROWID;

-- What the user must see: conflicts the server decided and rejected changes.
CREATE TABLE sync_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL CHECK (kind IN ('conflict', 'rejected', 'not-applied')),
  entity      TEXT NOT NULL,
  uuid        TEXT NOT NULL,
  field       TEXT,
  lost_value  TEXT,                -- JSON
  message     TEXT NOT NULL,
  n           INTEGER,             -- the outbox row it is about
  at          INTEGER NOT NULL
);
CREATE INDEX sync_log_record ON sync_log (uuid);

-- One row only while the sync client applies pulled changes, inside its transaction.
CREATE TABLE sync_applying (
  one  INTEGER PRIMARY KEY CHECK (one = 1)
);

-- Outbox triggers. Inserts send every synced field, updates only the fields that changed.
-- Local-only columns (updated_at) are not synced; plans' balance, overdue, installment,
-- life_insurance and as_of are Conauto's and never pushed.
CREATE TRIGGER customers_sync_insert AFTER INSERT ON customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'customer' AND uuid = new.uuid), 0),
          json_object ('kind', new.kind, 'name', new.name, 'rfc', new.rfc, 'fiscal_postal_code', new.fiscal_postal_code, 'street', new.street, 'ext_number', new.ext_number, 'int_number', new.int_number, 'neighborhood', new.neighborhood, 'city', new.city, 'state_code', new.state_code, 'postal_code', new.postal_code, 'email', new.email, 'phone_mobile', new.phone_mobile, 'phone_home', new.phone_home, 'phone_work', new.phone_work),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER customers_sync_update AFTER UPDATE ON customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.kind IS NOT new.kind OR
     old.name IS NOT new.name OR
     old.rfc IS NOT new.rfc OR
     old.fiscal_postal_code IS NOT new.fiscal_postal_code OR
     old.street IS NOT new.street OR
     old.ext_number IS NOT new.ext_number OR
     old.int_number IS NOT new.int_number OR
     old.neighborhood IS NOT new.neighborhood OR
     old.city IS NOT new.city OR
     old.state_code IS NOT new.state_code OR
     old.postal_code IS NOT new.postal_code OR
     old.email IS NOT new.email OR
     old.phone_mobile IS NOT new.phone_mobile OR
     old.phone_home IS NOT new.phone_home OR
     old.phone_work IS NOT new.phone_work)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'customer' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name
                 UNION ALL SELECT 'rfc', new.rfc WHERE old.rfc IS NOT new.rfc
                 UNION ALL SELECT 'fiscal_postal_code', new.fiscal_postal_code WHERE old.fiscal_postal_code IS NOT new.fiscal_postal_code
                 UNION ALL SELECT 'street', new.street WHERE old.street IS NOT new.street
                 UNION ALL SELECT 'ext_number', new.ext_number WHERE old.ext_number IS NOT new.ext_number
                 UNION ALL SELECT 'int_number', new.int_number WHERE old.int_number IS NOT new.int_number
                 UNION ALL SELECT 'neighborhood', new.neighborhood WHERE old.neighborhood IS NOT new.neighborhood
                 UNION ALL SELECT 'city', new.city WHERE old.city IS NOT new.city
                 UNION ALL SELECT 'state_code', new.state_code WHERE old.state_code IS NOT new.state_code
                 UNION ALL SELECT 'postal_code', new.postal_code WHERE old.postal_code IS NOT new.postal_code
                 UNION ALL SELECT 'email', new.email WHERE old.email IS NOT new.email
                 UNION ALL SELECT 'phone_mobile', new.phone_mobile WHERE old.phone_mobile IS NOT new.phone_mobile
                 UNION ALL SELECT 'phone_home', new.phone_home WHERE old.phone_home IS NOT new.phone_home
                 UNION ALL SELECT 'phone_work', new.phone_work WHERE old.phone_work IS NOT new.phone_work)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER vehicles_sync_insert AFTER INSERT ON vehicles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('vehicle', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'vehicle' AND uuid = new.uuid), 0),
          json_object ('vin', new.vin, 'model', new.model, 'year', new.year, 'km', new.km, 'plate', new.plate, 'customer_uuid', new.customer_uuid),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER vehicles_sync_update AFTER UPDATE ON vehicles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.vin IS NOT new.vin OR
     old.model IS NOT new.model OR
     old.year IS NOT new.year OR
     old.km IS NOT new.km OR
     old.plate IS NOT new.plate OR
     old.customer_uuid IS NOT new.customer_uuid)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('vehicle', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'vehicle' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'vin' AS k, new.vin AS v WHERE old.vin IS NOT new.vin
                 UNION ALL SELECT 'model', new.model WHERE old.model IS NOT new.model
                 UNION ALL SELECT 'year', new.year WHERE old.year IS NOT new.year
                 UNION ALL SELECT 'km', new.km WHERE old.km IS NOT new.km
                 UNION ALL SELECT 'plate', new.plate WHERE old.plate IS NOT new.plate
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER plans_sync_insert AFTER INSERT ON plans
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('plan', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'plan' AND uuid = new.uuid), 0),
          json_object ('number', new.number, 'customer_uuid', new.customer_uuid, 'vehicle_uuid', new.vehicle_uuid),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.number IS NOT new.number OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('plan', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'plan' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'number' AS k, new.number AS v WHERE old.number IS NOT new.number
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER tramites_sync_insert AFTER INSERT ON tramites
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('tramite', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'tramite' AND uuid = new.uuid), 0),
          json_object ('folio', new.folio, 'plan_uuid', new.plan_uuid, 'step', new.step, 'step_since', new.step_since, 'agreed_amount', new.agreed_amount, 'agreed_date', new.agreed_date, 'notes', new.notes, 'statement_balance', new.statement_balance, 'statement_overdue', new.statement_overdue, 'statement_installment', new.statement_installment, 'statement_life_insurance', new.statement_life_insurance, 'statement_as_of', new.statement_as_of, 'routing_area', new.routing_area, 'routing_reason', new.routing_reason, 'routing_low_limit', new.routing_low_limit, 'routing_installments', new.routing_installments, 'docs_sent_at', new.docs_sent_at, 'payment_amount', new.payment_amount, 'payment_date', new.payment_date, 'payment_reference', new.payment_reference, 'payment_proof_uuid', new.payment_proof_uuid, 'insurance_cancelled_at', new.insurance_cancelled_at, 'invoice_released_at', new.invoice_released_at, 'invoice_delivered_at', new.invoice_delivered_at, 'ack_returned_at', new.ack_returned_at, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER tramites_sync_update AFTER UPDATE ON tramites
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.folio IS NOT new.folio OR
     old.plan_uuid IS NOT new.plan_uuid OR
     old.step IS NOT new.step OR
     old.step_since IS NOT new.step_since OR
     old.agreed_amount IS NOT new.agreed_amount OR
     old.agreed_date IS NOT new.agreed_date OR
     old.notes IS NOT new.notes OR
     old.statement_balance IS NOT new.statement_balance OR
     old.statement_overdue IS NOT new.statement_overdue OR
     old.statement_installment IS NOT new.statement_installment OR
     old.statement_life_insurance IS NOT new.statement_life_insurance OR
     old.statement_as_of IS NOT new.statement_as_of OR
     old.routing_area IS NOT new.routing_area OR
     old.routing_reason IS NOT new.routing_reason OR
     old.routing_low_limit IS NOT new.routing_low_limit OR
     old.routing_installments IS NOT new.routing_installments OR
     old.docs_sent_at IS NOT new.docs_sent_at OR
     old.payment_amount IS NOT new.payment_amount OR
     old.payment_date IS NOT new.payment_date OR
     old.payment_reference IS NOT new.payment_reference OR
     old.payment_proof_uuid IS NOT new.payment_proof_uuid OR
     old.insurance_cancelled_at IS NOT new.insurance_cancelled_at OR
     old.invoice_released_at IS NOT new.invoice_released_at OR
     old.invoice_delivered_at IS NOT new.invoice_delivered_at OR
     old.ack_returned_at IS NOT new.ack_returned_at OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('tramite', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'tramite' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'folio' AS k, new.folio AS v WHERE old.folio IS NOT new.folio
                 UNION ALL SELECT 'plan_uuid', new.plan_uuid WHERE old.plan_uuid IS NOT new.plan_uuid
                 UNION ALL SELECT 'step', new.step WHERE old.step IS NOT new.step
                 UNION ALL SELECT 'step_since', new.step_since WHERE old.step_since IS NOT new.step_since
                 UNION ALL SELECT 'agreed_amount', new.agreed_amount WHERE old.agreed_amount IS NOT new.agreed_amount
                 UNION ALL SELECT 'agreed_date', new.agreed_date WHERE old.agreed_date IS NOT new.agreed_date
                 UNION ALL SELECT 'notes', new.notes WHERE old.notes IS NOT new.notes
                 UNION ALL SELECT 'statement_balance', new.statement_balance WHERE old.statement_balance IS NOT new.statement_balance
                 UNION ALL SELECT 'statement_overdue', new.statement_overdue WHERE old.statement_overdue IS NOT new.statement_overdue
                 UNION ALL SELECT 'statement_installment', new.statement_installment WHERE old.statement_installment IS NOT new.statement_installment
                 UNION ALL SELECT 'statement_life_insurance', new.statement_life_insurance WHERE old.statement_life_insurance IS NOT new.statement_life_insurance
                 UNION ALL SELECT 'statement_as_of', new.statement_as_of WHERE old.statement_as_of IS NOT new.statement_as_of
                 UNION ALL SELECT 'routing_area', new.routing_area WHERE old.routing_area IS NOT new.routing_area
                 UNION ALL SELECT 'routing_reason', new.routing_reason WHERE old.routing_reason IS NOT new.routing_reason
                 UNION ALL SELECT 'routing_low_limit', new.routing_low_limit WHERE old.routing_low_limit IS NOT new.routing_low_limit
                 UNION ALL SELECT 'routing_installments', new.routing_installments WHERE old.routing_installments IS NOT new.routing_installments
                 UNION ALL SELECT 'docs_sent_at', new.docs_sent_at WHERE old.docs_sent_at IS NOT new.docs_sent_at
                 UNION ALL SELECT 'payment_amount', new.payment_amount WHERE old.payment_amount IS NOT new.payment_amount
                 UNION ALL SELECT 'payment_date', new.payment_date WHERE old.payment_date IS NOT new.payment_date
                 UNION ALL SELECT 'payment_reference', new.payment_reference WHERE old.payment_reference IS NOT new.payment_reference
                 UNION ALL SELECT 'payment_proof_uuid', new.payment_proof_uuid WHERE old.payment_proof_uuid IS NOT new.payment_proof_uuid
                 UNION ALL SELECT 'insurance_cancelled_at', new.insurance_cancelled_at WHERE old.insurance_cancelled_at IS NOT new.insurance_cancelled_at
                 UNION ALL SELECT 'invoice_released_at', new.invoice_released_at WHERE old.invoice_released_at IS NOT new.invoice_released_at
                 UNION ALL SELECT 'invoice_delivered_at', new.invoice_delivered_at WHERE old.invoice_delivered_at IS NOT new.invoice_delivered_at
                 UNION ALL SELECT 'ack_returned_at', new.ack_returned_at WHERE old.ack_returned_at IS NOT new.ack_returned_at
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER documents_sync_insert AFTER INSERT ON documents
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('document', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'document' AND uuid = new.uuid), 0),
          json_object ('record_uuid', new.record_uuid, 'kind', new.kind, 'sha256', new.sha256, 'size', new.size, 'mime_type', new.mime_type, 'filename', new.filename, 'added_by', new.added_by, 'added_at', new.added_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER documents_sync_update AFTER UPDATE ON documents
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.record_uuid IS NOT new.record_uuid OR
     old.kind IS NOT new.kind OR
     old.sha256 IS NOT new.sha256 OR
     old.size IS NOT new.size OR
     old.mime_type IS NOT new.mime_type OR
     old.filename IS NOT new.filename OR
     old.added_by IS NOT new.added_by OR
     old.added_at IS NOT new.added_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('document', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'document' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'record_uuid' AS k, new.record_uuid AS v WHERE old.record_uuid IS NOT new.record_uuid
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'sha256', new.sha256 WHERE old.sha256 IS NOT new.sha256
                 UNION ALL SELECT 'size', new.size WHERE old.size IS NOT new.size
                 UNION ALL SELECT 'mime_type', new.mime_type WHERE old.mime_type IS NOT new.mime_type
                 UNION ALL SELECT 'filename', new.filename WHERE old.filename IS NOT new.filename
                 UNION ALL SELECT 'added_by', new.added_by WHERE old.added_by IS NOT new.added_by
                 UNION ALL SELECT 'added_at', new.added_at WHERE old.added_at IS NOT new.added_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- An activity entry is named by its hash, shaped as a UUID (the entry is immutable).
CREATE TRIGGER activity_sync_insert AFTER INSERT ON activity
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('activity',
          substr (new.hash, 1, 8) || '-' || substr (new.hash, 9, 4) || '-' || substr (new.hash, 13, 4)
          || '-' || substr (new.hash, 17, 4) || '-' || substr (new.hash, 21, 12),
          'upsert', 0, json_object ('record_uuid', new.record_uuid, 'origin', new.origin, 'seq', new.seq, 'at', new.at, 'user_name', new.user_name, 'user_role', new.user_role, 'kind', new.kind, 'text', new.text, 'contact_name', new.contact_name, 'contact_role', new.contact_role, 'prev_hash', new.prev_hash, 'hash', new.hash),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;
