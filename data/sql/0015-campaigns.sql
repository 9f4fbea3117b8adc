-- Issue 14: Ford field actions (S1-S3, S8). A campaign (acción de servicio en campo, ASC)
-- lists its affected vehicles from Ford's VIN list; each affected vehicle is a card of the
-- campaign's board. Days are 'yyyy-mm-dd' TEXT, moments unix µs, as everywhere.
CREATE TABLE campaigns (
  uuid            TEXT PRIMARY KEY NOT NULL,
  code            TEXT NOT NULL,                -- Ford's code: 24S12, 23B05, 22E01
  kind            TEXT NOT NULL CHECK (kind IN ('safety-recall', 'satisfaction', 'emissions')),
  description     TEXT NOT NULL,
  labour_notes    TEXT NOT NULL DEFAULT '',
  parts_notes     TEXT NOT NULL DEFAULT '',
  starts_on       TEXT,                         -- where the kind has them (S1)
  ends_on         TEXT,
  needs_parts     INTEGER NOT NULL DEFAULT 1 CHECK (needs_parts IN (0, 1)),   -- S3
  closed_at       INTEGER,                      -- the campaign is over (no more calls)
  created_by      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campaigns_code ON campaigns (code) WHERE deleted = 0;

-- One affected vehicle of a campaign: a card of its board.
-- stage: 0 parts pending, 1 to contact, 2 contacted, 3 booked, 4 closed (repaired or another
-- close-out reason). A vehicle reaches stage 1 only when its campaign needs no parts or its
-- parts are received for it (S3).
CREATE TABLE campaign_vehicles (
  uuid            TEXT PRIMARY KEY NOT NULL,
  campaign_uuid   TEXT NOT NULL REFERENCES campaigns (uuid),
  vehicle_uuid    TEXT NOT NULL REFERENCES vehicles (uuid),
  stage           INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 4),
  stage_since     INTEGER NOT NULL,
  closeout        TEXT CHECK (closeout IN ('done-here', 'done-elsewhere', 'not-applicable', 'unlocatable')),
  closed_by       TEXT,
  closed_at       INTEGER,
  -- Contact data as Ford's list gave it: for this recall only (the data-use rule).
  list_owner      TEXT NOT NULL DEFAULT '',
  list_phone      TEXT NOT NULL DEFAULT '',
  list_email      TEXT NOT NULL DEFAULT '',
  list_address    TEXT NOT NULL DEFAULT '',
  imported_at     INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campaign_vehicles_one ON campaign_vehicles (campaign_uuid, vehicle_uuid) WHERE deleted = 0;
CREATE INDEX campaign_vehicles_board ON campaign_vehicles (campaign_uuid, deleted, stage, stage_since);
CREATE INDEX campaign_vehicles_vehicle ON campaign_vehicles (vehicle_uuid);
CREATE INDEX campaign_vehicles_to_contact ON campaign_vehicles (stage) WHERE deleted = 0 AND stage = 1;

-- S2: the parts a campaign needs, requested from the parts area and followed until received.
CREATE TABLE campaign_parts (
  uuid             TEXT PRIMARY KEY NOT NULL,
  campaign_uuid    TEXT NOT NULL REFERENCES campaigns (uuid),
  part_number      TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  qty_per_vehicle  INTEGER NOT NULL DEFAULT 1 CHECK (qty_per_vehicle > 0),
  status           TEXT NOT NULL DEFAULT 'requested'
                   CHECK (status IN ('requested', 'ordered', 'back-ordered', 'received')),
  qty_requested    INTEGER NOT NULL DEFAULT 0 CHECK (qty_requested >= 0),
  qty_received     INTEGER NOT NULL DEFAULT 0 CHECK (qty_received >= 0),
  status_since     INTEGER NOT NULL,
  expected_on      TEXT,                        -- the parts area's promise for back orders
  updated_by       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX campaign_parts_campaign ON campaign_parts (campaign_uuid, deleted);

-- S1: the weekly review, stamped once per campaign and ISO week with the counts of that moment.
CREATE TABLE campaign_reviews (
  uuid             TEXT PRIMARY KEY NOT NULL,
  campaign_uuid    TEXT NOT NULL REFERENCES campaigns (uuid),
  week             TEXT NOT NULL,               -- ISO week: 2026-W49
  reviewed_by      TEXT NOT NULL,
  reviewed_at      INTEGER NOT NULL,
  n_affected       INTEGER NOT NULL DEFAULT 0,
  n_parts_pending  INTEGER NOT NULL DEFAULT 0,
  n_to_contact     INTEGER NOT NULL DEFAULT 0,
  n_contacted      INTEGER NOT NULL DEFAULT 0,
  n_booked         INTEGER NOT NULL DEFAULT 0,
  n_closed         INTEGER NOT NULL DEFAULT 0,
  note             TEXT NOT NULL DEFAULT '',
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campaign_reviews_week ON campaign_reviews (campaign_uuid, week) WHERE deleted = 0;

-- The data-use rule: a customer whose contact data arrived only with a campaign's VIN list
-- (the import created them). Lapsed-maintenance calls and promotion letters never use it; the
-- mark goes when the dealer confirms the data (a customer edit, a contacted call).
CREATE TABLE customer_data_origins (
  uuid             TEXT PRIMARY KEY NOT NULL,
  customer_uuid    TEXT NOT NULL REFERENCES customers (uuid),
  origin           TEXT NOT NULL CHECK (origin IN ('recall-list')),
  campaign_uuid    TEXT REFERENCES campaigns (uuid),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX customer_data_origins_customer ON customer_data_origins (customer_uuid) WHERE deleted = 0;
