-- Issue 13: invoice annulments and re-invoicing (Q1-Q4, Q12). Documents (memo, original
-- invoice, customer's letter, answer letter, contact-actions report, stamped memo, signed
-- acceptance of costs) are rows of documents with record_uuid = annulments.uuid.
CREATE TABLE annulments (
  uuid                      TEXT PRIMARY KEY NOT NULL,
  folio                     TEXT NOT NULL UNIQUE,          -- ANU-YYYY-NNNNNN
  complaint_uuid            TEXT REFERENCES complaints (uuid),
  customer_uuid             TEXT NOT NULL REFERENCES customers (uuid),
  plan_uuid                 TEXT REFERENCES plans (uuid),
  -- 0 request (documents), 1 sent to the head, 2 approved, 3 registered annulled,
  -- 4 re-invoicing approved, 5 filed (memo filed with billing, stamped copy attached)
  stage                     INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 5),
  stage_since               INTEGER NOT NULL,
  city                      TEXT NOT NULL,
  invoice_number            TEXT NOT NULL DEFAULT '',
  cfdi_uuid                 TEXT NOT NULL,                 -- the invoice's folio fiscal
  cancel_reason             TEXT NOT NULL CHECK (cancel_reason IN ('01', '02', '03', '04')),
  substitute_cfdi_uuid      TEXT,                          -- required by reason 01
  with_costs                INTEGER NOT NULL DEFAULT 0 CHECK (with_costs IN (0, 1)),
  costs_amount              INTEGER NOT NULL DEFAULT 0 CHECK (costs_amount >= 0),  -- centavos
  reinvoice                 INTEGER NOT NULL DEFAULT 1 CHECK (reinvoice IN (0, 1)),
  email_outbox_uuid         TEXT,
  sent_at                   INTEGER,
  approved_by               TEXT,
  approved_at               INTEGER,
  registered_by             TEXT,
  registered_at             INTEGER,
  reinvoice_approved_by     TEXT,
  reinvoice_approved_at     INTEGER,
  filed_at                  INTEGER,
  created_by                TEXT NOT NULL DEFAULT '',
  created_at                INTEGER NOT NULL,
  updated_at                INTEGER NOT NULL DEFAULT 0,
  deleted                   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version              INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX annulments_stage ON annulments (deleted, stage, stage_since);
CREATE INDEX annulments_customer ON annulments (customer_uuid);
CREATE INDEX annulments_complaint ON annulments (complaint_uuid);

-- Q2: the annulled list the coordinator registers customers in.
CREATE TABLE annulled_customers (
  uuid            TEXT PRIMARY KEY NOT NULL,
  customer_uuid   TEXT NOT NULL REFERENCES customers (uuid),
  annulment_uuid  TEXT NOT NULL REFERENCES annulments (uuid),
  registered_by   TEXT NOT NULL,
  registered_at   INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX annulled_customers_annulment ON annulled_customers (annulment_uuid) WHERE deleted = 0;


-- Outbox triggers (as in 0002-sync.sql): an insert sends every synced field, an update only
-- those that changed; nothing while the sync applies pulled changes. email_outbox_uuid is the
-- local mail outbox's row and does not travel.
CREATE TRIGGER annulments_sync_insert AFTER INSERT ON annulments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('annulment', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('folio', new.folio, 'complaint_uuid', new.complaint_uuid, 'customer_uuid', new.customer_uuid, 'plan_uuid', new.plan_uuid, 'stage', new.stage, 'stage_since', new.stage_since, 'city', new.city, 'invoice_number', new.invoice_number, 'cfdi_uuid', new.cfdi_uuid, 'cancel_reason', new.cancel_reason, 'substitute_cfdi_uuid', new.substitute_cfdi_uuid, 'with_costs', new.with_costs, 'costs_amount', new.costs_amount, 'reinvoice', new.reinvoice, 'sent_at', new.sent_at, 'approved_by', new.approved_by, 'approved_at', new.approved_at, 'registered_by', new.registered_by, 'registered_at', new.registered_at, 'reinvoice_approved_by', new.reinvoice_approved_by, 'reinvoice_approved_at', new.reinvoice_approved_at, 'filed_at', new.filed_at, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER annulments_sync_update AFTER UPDATE ON annulments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.folio IS NOT new.folio OR
     old.complaint_uuid IS NOT new.complaint_uuid OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.plan_uuid IS NOT new.plan_uuid OR
     old.stage IS NOT new.stage OR
     old.stage_since IS NOT new.stage_since OR
     old.city IS NOT new.city OR
     old.invoice_number IS NOT new.invoice_number OR
     old.cfdi_uuid IS NOT new.cfdi_uuid OR
     old.cancel_reason IS NOT new.cancel_reason OR
     old.substitute_cfdi_uuid IS NOT new.substitute_cfdi_uuid OR
     old.with_costs IS NOT new.with_costs OR
     old.costs_amount IS NOT new.costs_amount OR
     old.reinvoice IS NOT new.reinvoice OR
     old.sent_at IS NOT new.sent_at OR
     old.approved_by IS NOT new.approved_by OR
     old.approved_at IS NOT new.approved_at OR
     old.registered_by IS NOT new.registered_by OR
     old.registered_at IS NOT new.registered_at OR
     old.reinvoice_approved_by IS NOT new.reinvoice_approved_by OR
     old.reinvoice_approved_at IS NOT new.reinvoice_approved_at OR
     old.filed_at IS NOT new.filed_at OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('annulment', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'folio' AS k, new.folio AS v WHERE old.folio IS NOT new.folio
                 UNION ALL SELECT 'complaint_uuid', new.complaint_uuid WHERE old.complaint_uuid IS NOT new.complaint_uuid
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'plan_uuid', new.plan_uuid WHERE old.plan_uuid IS NOT new.plan_uuid
                 UNION ALL SELECT 'stage', new.stage WHERE old.stage IS NOT new.stage
                 UNION ALL SELECT 'stage_since', new.stage_since WHERE old.stage_since IS NOT new.stage_since
                 UNION ALL SELECT 'city', new.city WHERE old.city IS NOT new.city
                 UNION ALL SELECT 'invoice_number', new.invoice_number WHERE old.invoice_number IS NOT new.invoice_number
                 UNION ALL SELECT 'cfdi_uuid', new.cfdi_uuid WHERE old.cfdi_uuid IS NOT new.cfdi_uuid
                 UNION ALL SELECT 'cancel_reason', new.cancel_reason WHERE old.cancel_reason IS NOT new.cancel_reason
                 UNION ALL SELECT 'substitute_cfdi_uuid', new.substitute_cfdi_uuid WHERE old.substitute_cfdi_uuid IS NOT new.substitute_cfdi_uuid
                 UNION ALL SELECT 'with_costs', new.with_costs WHERE old.with_costs IS NOT new.with_costs
                 UNION ALL SELECT 'costs_amount', new.costs_amount WHERE old.costs_amount IS NOT new.costs_amount
                 UNION ALL SELECT 'reinvoice', new.reinvoice WHERE old.reinvoice IS NOT new.reinvoice
                 UNION ALL SELECT 'sent_at', new.sent_at WHERE old.sent_at IS NOT new.sent_at
                 UNION ALL SELECT 'approved_by', new.approved_by WHERE old.approved_by IS NOT new.approved_by
                 UNION ALL SELECT 'approved_at', new.approved_at WHERE old.approved_at IS NOT new.approved_at
                 UNION ALL SELECT 'registered_by', new.registered_by WHERE old.registered_by IS NOT new.registered_by
                 UNION ALL SELECT 'registered_at', new.registered_at WHERE old.registered_at IS NOT new.registered_at
                 UNION ALL SELECT 'reinvoice_approved_by', new.reinvoice_approved_by WHERE old.reinvoice_approved_by IS NOT new.reinvoice_approved_by
                 UNION ALL SELECT 'reinvoice_approved_at', new.reinvoice_approved_at WHERE old.reinvoice_approved_at IS NOT new.reinvoice_approved_at
                 UNION ALL SELECT 'filed_at', new.filed_at WHERE old.filed_at IS NOT new.filed_at
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER annulled_customers_sync_insert AFTER INSERT ON annulled_customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('annulled_customer', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('customer_uuid', new.customer_uuid, 'annulment_uuid', new.annulment_uuid, 'registered_by', new.registered_by, 'registered_at', new.registered_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER annulled_customers_sync_update AFTER UPDATE ON annulled_customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.annulment_uuid IS NOT new.annulment_uuid OR
     old.registered_by IS NOT new.registered_by OR
     old.registered_at IS NOT new.registered_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('annulled_customer', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'customer_uuid' AS k, new.customer_uuid AS v WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'annulment_uuid', new.annulment_uuid WHERE old.annulment_uuid IS NOT new.annulment_uuid
                 UNION ALL SELECT 'registered_by', new.registered_by WHERE old.registered_by IS NOT new.registered_by
                 UNION ALL SELECT 'registered_at', new.registered_at WHERE old.registered_at IS NOT new.registered_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Search: kind "annulment" takes search code 3, so its index rows have
-- rowid = (3 << 40) + the annulment's rowid. Title the folio; body the customer's name, the
-- city, the invoice number and the CFDI folio fiscal.
CREATE TRIGGER annulments_search_insert AFTER INSERT ON annulments WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES ((3 << 40) + new.rowid, 'annulment', new.uuid, new.folio,
          coalesce ((SELECT name FROM customers WHERE uuid = new.customer_uuid), '') || ' ' ||
          new.city || ' ' || new.invoice_number || ' ' || new.cfdi_uuid);
END;

CREATE TRIGGER annulments_search_update
AFTER UPDATE OF folio, customer_uuid, city, invoice_number, cfdi_uuid, deleted ON annulments
BEGIN
  DELETE FROM search_index WHERE rowid = (3 << 40) + old.rowid;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (3 << 40) + new.rowid, 'annulment', new.uuid, new.folio,
         coalesce ((SELECT name FROM customers WHERE uuid = new.customer_uuid), '') || ' ' ||
         new.city || ' ' || new.invoice_number || ' ' || new.cfdi_uuid
  WHERE new.deleted = 0;
END;

CREATE TRIGGER annulments_search_delete AFTER DELETE ON annulments
BEGIN
  DELETE FROM search_index WHERE rowid = (3 << 40) + old.rowid;
END;

-- A merge of two customers moves their annulments (GestCustomerLink's merge_sql); the
-- annulled list follows its annulment, so the merged customer stays annulled (Q2).
CREATE TRIGGER annulments_customer_moved AFTER UPDATE OF customer_uuid ON annulments
WHEN old.customer_uuid IS NOT new.customer_uuid
BEGIN
  UPDATE annulled_customers SET customer_uuid = new.customer_uuid, updated_at = new.updated_at
  WHERE annulment_uuid = new.uuid AND customer_uuid IS NOT new.customer_uuid;
END;
