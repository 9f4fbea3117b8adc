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

-- (helper "annulments": sync outbox triggers and the search_index triggers below; search
-- code 3, rowid (3 << 40) + rowid)
