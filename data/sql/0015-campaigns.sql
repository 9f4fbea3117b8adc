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


-- Outbox triggers (as in 0002-sync.sql and 0014-annulments.sql): an insert sends every synced
-- field, an update only those that changed; nothing while the sync applies pulled changes.
CREATE TRIGGER campaigns_sync_insert AFTER INSERT ON campaigns
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('code', new.code, 'kind', new.kind, 'description', new.description, 'labour_notes', new.labour_notes, 'parts_notes', new.parts_notes, 'starts_on', new.starts_on, 'ends_on', new.ends_on, 'needs_parts', new.needs_parts, 'closed_at', new.closed_at, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaigns_sync_update AFTER UPDATE ON campaigns
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.code IS NOT new.code OR
     old.kind IS NOT new.kind OR
     old.description IS NOT new.description OR
     old.labour_notes IS NOT new.labour_notes OR
     old.parts_notes IS NOT new.parts_notes OR
     old.starts_on IS NOT new.starts_on OR
     old.ends_on IS NOT new.ends_on OR
     old.needs_parts IS NOT new.needs_parts OR
     old.closed_at IS NOT new.closed_at OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'code' AS k, new.code AS v WHERE old.code IS NOT new.code
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'description', new.description WHERE old.description IS NOT new.description
                 UNION ALL SELECT 'labour_notes', new.labour_notes WHERE old.labour_notes IS NOT new.labour_notes
                 UNION ALL SELECT 'parts_notes', new.parts_notes WHERE old.parts_notes IS NOT new.parts_notes
                 UNION ALL SELECT 'starts_on', new.starts_on WHERE old.starts_on IS NOT new.starts_on
                 UNION ALL SELECT 'ends_on', new.ends_on WHERE old.ends_on IS NOT new.ends_on
                 UNION ALL SELECT 'needs_parts', new.needs_parts WHERE old.needs_parts IS NOT new.needs_parts
                 UNION ALL SELECT 'closed_at', new.closed_at WHERE old.closed_at IS NOT new.closed_at
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_vehicles_sync_insert AFTER INSERT ON campaign_vehicles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_vehicle', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('campaign_uuid', new.campaign_uuid, 'vehicle_uuid', new.vehicle_uuid, 'stage', new.stage, 'stage_since', new.stage_since, 'closeout', new.closeout, 'closed_by', new.closed_by, 'closed_at', new.closed_at, 'list_owner', new.list_owner, 'list_phone', new.list_phone, 'list_email', new.list_email, 'list_address', new.list_address, 'imported_at', new.imported_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_vehicles_sync_update AFTER UPDATE ON campaign_vehicles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.campaign_uuid IS NOT new.campaign_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.stage IS NOT new.stage OR
     old.stage_since IS NOT new.stage_since OR
     old.closeout IS NOT new.closeout OR
     old.closed_by IS NOT new.closed_by OR
     old.closed_at IS NOT new.closed_at OR
     old.list_owner IS NOT new.list_owner OR
     old.list_phone IS NOT new.list_phone OR
     old.list_email IS NOT new.list_email OR
     old.list_address IS NOT new.list_address OR
     old.imported_at IS NOT new.imported_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_vehicle', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'campaign_uuid' AS k, new.campaign_uuid AS v WHERE old.campaign_uuid IS NOT new.campaign_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'stage', new.stage WHERE old.stage IS NOT new.stage
                 UNION ALL SELECT 'stage_since', new.stage_since WHERE old.stage_since IS NOT new.stage_since
                 UNION ALL SELECT 'closeout', new.closeout WHERE old.closeout IS NOT new.closeout
                 UNION ALL SELECT 'closed_by', new.closed_by WHERE old.closed_by IS NOT new.closed_by
                 UNION ALL SELECT 'closed_at', new.closed_at WHERE old.closed_at IS NOT new.closed_at
                 UNION ALL SELECT 'list_owner', new.list_owner WHERE old.list_owner IS NOT new.list_owner
                 UNION ALL SELECT 'list_phone', new.list_phone WHERE old.list_phone IS NOT new.list_phone
                 UNION ALL SELECT 'list_email', new.list_email WHERE old.list_email IS NOT new.list_email
                 UNION ALL SELECT 'list_address', new.list_address WHERE old.list_address IS NOT new.list_address
                 UNION ALL SELECT 'imported_at', new.imported_at WHERE old.imported_at IS NOT new.imported_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_parts_sync_insert AFTER INSERT ON campaign_parts
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_part', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('campaign_uuid', new.campaign_uuid, 'part_number', new.part_number, 'description', new.description, 'qty_per_vehicle', new.qty_per_vehicle, 'status', new.status, 'qty_requested', new.qty_requested, 'qty_received', new.qty_received, 'status_since', new.status_since, 'expected_on', new.expected_on, 'updated_by', new.updated_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_parts_sync_update AFTER UPDATE ON campaign_parts
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.campaign_uuid IS NOT new.campaign_uuid OR
     old.part_number IS NOT new.part_number OR
     old.description IS NOT new.description OR
     old.qty_per_vehicle IS NOT new.qty_per_vehicle OR
     old.status IS NOT new.status OR
     old.qty_requested IS NOT new.qty_requested OR
     old.qty_received IS NOT new.qty_received OR
     old.status_since IS NOT new.status_since OR
     old.expected_on IS NOT new.expected_on OR
     old.updated_by IS NOT new.updated_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_part', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'campaign_uuid' AS k, new.campaign_uuid AS v WHERE old.campaign_uuid IS NOT new.campaign_uuid
                 UNION ALL SELECT 'part_number', new.part_number WHERE old.part_number IS NOT new.part_number
                 UNION ALL SELECT 'description', new.description WHERE old.description IS NOT new.description
                 UNION ALL SELECT 'qty_per_vehicle', new.qty_per_vehicle WHERE old.qty_per_vehicle IS NOT new.qty_per_vehicle
                 UNION ALL SELECT 'status', new.status WHERE old.status IS NOT new.status
                 UNION ALL SELECT 'qty_requested', new.qty_requested WHERE old.qty_requested IS NOT new.qty_requested
                 UNION ALL SELECT 'qty_received', new.qty_received WHERE old.qty_received IS NOT new.qty_received
                 UNION ALL SELECT 'status_since', new.status_since WHERE old.status_since IS NOT new.status_since
                 UNION ALL SELECT 'expected_on', new.expected_on WHERE old.expected_on IS NOT new.expected_on
                 UNION ALL SELECT 'updated_by', new.updated_by WHERE old.updated_by IS NOT new.updated_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_reviews_sync_insert AFTER INSERT ON campaign_reviews
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_review', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('campaign_uuid', new.campaign_uuid, 'week', new.week, 'reviewed_by', new.reviewed_by, 'reviewed_at', new.reviewed_at, 'n_affected', new.n_affected, 'n_parts_pending', new.n_parts_pending, 'n_to_contact', new.n_to_contact, 'n_contacted', new.n_contacted, 'n_booked', new.n_booked, 'n_closed', new.n_closed, 'note', new.note),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER campaign_reviews_sync_update AFTER UPDATE ON campaign_reviews
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.campaign_uuid IS NOT new.campaign_uuid OR
     old.week IS NOT new.week OR
     old.reviewed_by IS NOT new.reviewed_by OR
     old.reviewed_at IS NOT new.reviewed_at OR
     old.n_affected IS NOT new.n_affected OR
     old.n_parts_pending IS NOT new.n_parts_pending OR
     old.n_to_contact IS NOT new.n_to_contact OR
     old.n_contacted IS NOT new.n_contacted OR
     old.n_booked IS NOT new.n_booked OR
     old.n_closed IS NOT new.n_closed OR
     old.note IS NOT new.note)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('campaign_review', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'campaign_uuid' AS k, new.campaign_uuid AS v WHERE old.campaign_uuid IS NOT new.campaign_uuid
                 UNION ALL SELECT 'week', new.week WHERE old.week IS NOT new.week
                 UNION ALL SELECT 'reviewed_by', new.reviewed_by WHERE old.reviewed_by IS NOT new.reviewed_by
                 UNION ALL SELECT 'reviewed_at', new.reviewed_at WHERE old.reviewed_at IS NOT new.reviewed_at
                 UNION ALL SELECT 'n_affected', new.n_affected WHERE old.n_affected IS NOT new.n_affected
                 UNION ALL SELECT 'n_parts_pending', new.n_parts_pending WHERE old.n_parts_pending IS NOT new.n_parts_pending
                 UNION ALL SELECT 'n_to_contact', new.n_to_contact WHERE old.n_to_contact IS NOT new.n_to_contact
                 UNION ALL SELECT 'n_contacted', new.n_contacted WHERE old.n_contacted IS NOT new.n_contacted
                 UNION ALL SELECT 'n_booked', new.n_booked WHERE old.n_booked IS NOT new.n_booked
                 UNION ALL SELECT 'n_closed', new.n_closed WHERE old.n_closed IS NOT new.n_closed
                 UNION ALL SELECT 'note', new.note WHERE old.note IS NOT new.note)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER customer_data_origins_sync_insert AFTER INSERT ON customer_data_origins
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer_data_origin', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('customer_uuid', new.customer_uuid, 'origin', new.origin, 'campaign_uuid', new.campaign_uuid, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER customer_data_origins_sync_update AFTER UPDATE ON customer_data_origins
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.origin IS NOT new.origin OR
     old.campaign_uuid IS NOT new.campaign_uuid OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer_data_origin', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'customer_uuid' AS k, new.customer_uuid AS v WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'origin', new.origin WHERE old.origin IS NOT new.origin
                 UNION ALL SELECT 'campaign_uuid', new.campaign_uuid WHERE old.campaign_uuid IS NOT new.campaign_uuid
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Search: kind "campaign" takes search code 4, so its index rows have
-- rowid = (4 << 40) + the campaign's rowid. Title the code; body the description and notes.
CREATE TRIGGER campaigns_search_insert AFTER INSERT ON campaigns WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES ((4 << 40) + new.rowid, 'campaign', new.uuid, new.code,
          new.description || ' ' || new.labour_notes || ' ' || new.parts_notes);
END;

CREATE TRIGGER campaigns_search_update
AFTER UPDATE OF code, description, labour_notes, parts_notes, deleted ON campaigns
BEGIN
  DELETE FROM search_index WHERE rowid = (4 << 40) + old.rowid;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (4 << 40) + new.rowid, 'campaign', new.uuid, new.code,
         new.description || ' ' || new.labour_notes || ' ' || new.parts_notes
  WHERE new.deleted = 0;
END;

CREATE TRIGGER campaigns_search_delete AFTER DELETE ON campaigns
BEGIN
  DELETE FROM search_index WHERE rowid = (4 << 40) + old.rowid;
END;

-- The data-use rule: the dealer confirming a recall-only customer's contact data (an edit of
-- those columns here, not one pulled by the sync) lifts the mark; the desktop that edits
-- syncs the mark's removal. A contacted call lifts it too (the module's contact_outcome).
CREATE TRIGGER customers_data_confirmed
AFTER UPDATE OF street, ext_number, int_number, neighborhood, city, state_code, postal_code,
                email, phone_mobile, phone_home, phone_work ON customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.street IS NOT new.street OR old.ext_number IS NOT new.ext_number OR
     old.int_number IS NOT new.int_number OR old.neighborhood IS NOT new.neighborhood OR
     old.city IS NOT new.city OR old.state_code IS NOT new.state_code OR
     old.postal_code IS NOT new.postal_code OR old.email IS NOT new.email OR
     old.phone_mobile IS NOT new.phone_mobile OR old.phone_home IS NOT new.phone_home OR
     old.phone_work IS NOT new.phone_work)
BEGIN
  UPDATE customer_data_origins SET deleted = 1,
         updated_at = CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER)
  WHERE customer_uuid = new.uuid AND deleted = 0;
END;
