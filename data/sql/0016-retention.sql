-- Issue 14: proactive contact, "Contacto proactivo" (S4-S6, S8, S15): service visits, the
-- lapsed-maintenance rule, pending parts and quotes to call back, and the retention queue's
-- calls and letters.

-- A visit to the workshop: a repair order from the DMS or recorded in the app (S4).
CREATE TABLE service_visits (
  uuid            TEXT PRIMARY KEY NOT NULL,
  vehicle_uuid    TEXT NOT NULL REFERENCES vehicles (uuid),
  ro_number       TEXT NOT NULL DEFAULT '',     -- the DMS's repair order; '' when recorded here
  opened_on       TEXT NOT NULL,                -- yyyy-mm-dd
  closed_on       TEXT,                         -- NULL while the vehicle is in the workshop
  km              INTEGER NOT NULL DEFAULT 0 CHECK (km >= 0),
  kind            TEXT NOT NULL CHECK (kind IN ('delivery', 'maintenance', 'repair', 'warranty', 'field-action', 'other')),
  source          TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('dms', 'app')),
  created_by      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_visits_vehicle ON service_visits (vehicle_uuid, opened_on);
CREATE UNIQUE INDEX service_visits_ro ON service_visits (ro_number) WHERE ro_number <> '' AND deleted = 0;

-- Per vehicle, what the S4 rule reads: kept by triggers on service_visits (local, derived,
-- not synced), so the lapsed list is a range scan over vehicles, not a scan of every visit.
CREATE TABLE vehicle_service_state (
  vehicle_uuid         TEXT PRIMARY KEY NOT NULL REFERENCES vehicles (uuid),
  last_maintenance_on  TEXT,        -- the last delivery or maintenance visit's day
  last_maintenance_uuid TEXT,       -- that visit: the lapsed source's record (one per lapse)
  in_workshop          INTEGER NOT NULL DEFAULT 0,  -- open visits (closed_on IS NULL)
  customer_uuid        TEXT          -- the vehicle's owner (NULL: none, or the vehicle deleted)
);
-- Covering: the month's lapsed list and the queue's lapsed source read only this index.
CREATE INDEX vehicle_service_state_lapsed
ON vehicle_service_state (last_maintenance_on, customer_uuid, last_maintenance_uuid, vehicle_uuid)
WHERE in_workshop = 0;

-- S5: a customer with parts or a quote pending, to call on the agreed day (parts: only once
-- they are in).
CREATE TABLE service_followups (
  uuid            TEXT PRIMARY KEY NOT NULL,
  customer_uuid   TEXT NOT NULL REFERENCES customers (uuid),
  vehicle_uuid    TEXT REFERENCES vehicles (uuid),
  visit_uuid      TEXT REFERENCES service_visits (uuid),
  kind            TEXT NOT NULL CHECK (kind IN ('parts', 'quote')),
  detail          TEXT NOT NULL DEFAULT '',
  call_on         TEXT NOT NULL,                -- the agreed day
  parts_ready     INTEGER NOT NULL DEFAULT 0 CHECK (parts_ready IN (0, 1)),
  done_at         INTEGER,
  created_by      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_followups_due ON service_followups (call_on) WHERE deleted = 0 AND done_at IS NULL;

-- One record to contact (a row of some module's GestContactSource) and its cadence (S6):
-- created at its first call. uuid is derived from (source, record_uuid), so two desktops
-- calling the same record make the same row.
CREATE TABLE contact_targets (
  uuid             TEXT PRIMARY KEY NOT NULL,
  source           TEXT NOT NULL,               -- the GestContactSource id
  record_uuid      TEXT NOT NULL,
  customer_uuid    TEXT NOT NULL REFERENCES customers (uuid),
  vehicle_uuid     TEXT REFERENCES vehicles (uuid),
  state            TEXT NOT NULL DEFAULT 'open'
                   CHECK (state IN ('open', 'contacted', 'booked', 'refused', 'letter', 'closed')),
  attempts         INTEGER NOT NULL DEFAULT 0,  -- failed attempts that count (distinct bands)
  next_attempt_at  INTEGER,                     -- when the queue offers it again
  opened_at        INTEGER NOT NULL,
  closed_at        INTEGER,
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX contact_targets_record ON contact_targets (source, record_uuid) WHERE deleted = 0;
CREATE INDEX contact_targets_next ON contact_targets (state, next_attempt_at) WHERE deleted = 0;

-- Each call (S6), attributed to its user, with the number dialled and the outcome; band is
-- the time of day it was made in (0 morning, 1 midday, 2 afternoon, dealer's time).
CREATE TABLE contact_calls (
  uuid             TEXT PRIMARY KEY NOT NULL,
  target_uuid      TEXT NOT NULL REFERENCES contact_targets (uuid),
  at               INTEGER NOT NULL,
  user_uuid        TEXT NOT NULL,
  user_name        TEXT NOT NULL DEFAULT '',    -- as the history shows it
  number_dialled   TEXT NOT NULL,
  outcome          TEXT NOT NULL
                   CHECK (outcome IN ('contacted', 'no-answer', 'wrong-number', 'call-back', 'refused', 'booked')),
  call_back_at     INTEGER,                     -- outcome call-back
  band             INTEGER NOT NULL CHECK (band BETWEEN 0 AND 2),
  counted          INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
  field_actions    TEXT NOT NULL DEFAULT '',    -- S8: the campaign codes told, "24S12 23B05"
  note             TEXT NOT NULL DEFAULT '',
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_calls_target ON contact_calls (target_uuid, at);
CREATE INDEX contact_calls_at ON contact_calls (at);

-- S15: the letter or email after the fifth failed attempt.
CREATE TABLE contact_letters (
  uuid             TEXT PRIMARY KEY NOT NULL,
  target_uuid      TEXT NOT NULL REFERENCES contact_targets (uuid),
  channel          TEXT NOT NULL CHECK (channel IN ('letter', 'email')),
  document_uuid    TEXT,                        -- the letter's PDF (documents)
  mail_outbox_uuid TEXT,                        -- local: the email's outbox row
  created_by       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  printed_at       INTEGER,
  sent_at          INTEGER,
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX contact_letters_target ON contact_letters (target_uuid) WHERE deleted = 0;

-- The dealer's current promotions, told in calls and letters (S15).
CREATE TABLE promotions (
  uuid             TEXT PRIMARY KEY NOT NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL DEFAULT '',
  valid_from       TEXT NOT NULL,
  valid_to         TEXT NOT NULL,
  created_by       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL DEFAULT 0,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version     INTEGER NOT NULL DEFAULT 0
);


-- Outbox triggers (as in 0002-sync.sql and 0014-annulments.sql): an insert sends every synced
-- field, an update only those that changed; nothing while the sync applies pulled changes.
-- contact_letters.mail_outbox_uuid is the local mail outbox's row and does not travel;
-- vehicle_service_state is derived and local.
CREATE TRIGGER service_visits_sync_insert AFTER INSERT ON service_visits
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('service_visit', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('vehicle_uuid', new.vehicle_uuid, 'ro_number', new.ro_number, 'opened_on', new.opened_on, 'closed_on', new.closed_on, 'km', new.km, 'kind', new.kind, 'source', new.source, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER service_visits_sync_update AFTER UPDATE ON service_visits
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.ro_number IS NOT new.ro_number OR
     old.opened_on IS NOT new.opened_on OR
     old.closed_on IS NOT new.closed_on OR
     old.km IS NOT new.km OR
     old.kind IS NOT new.kind OR
     old.source IS NOT new.source OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('service_visit', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'vehicle_uuid' AS k, new.vehicle_uuid AS v WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'ro_number', new.ro_number WHERE old.ro_number IS NOT new.ro_number
                 UNION ALL SELECT 'opened_on', new.opened_on WHERE old.opened_on IS NOT new.opened_on
                 UNION ALL SELECT 'closed_on', new.closed_on WHERE old.closed_on IS NOT new.closed_on
                 UNION ALL SELECT 'km', new.km WHERE old.km IS NOT new.km
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'source', new.source WHERE old.source IS NOT new.source
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER service_followups_sync_insert AFTER INSERT ON service_followups
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('service_followup', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('customer_uuid', new.customer_uuid, 'vehicle_uuid', new.vehicle_uuid, 'visit_uuid', new.visit_uuid, 'kind', new.kind, 'detail', new.detail, 'call_on', new.call_on, 'parts_ready', new.parts_ready, 'done_at', new.done_at, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER service_followups_sync_update AFTER UPDATE ON service_followups
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.visit_uuid IS NOT new.visit_uuid OR
     old.kind IS NOT new.kind OR
     old.detail IS NOT new.detail OR
     old.call_on IS NOT new.call_on OR
     old.parts_ready IS NOT new.parts_ready OR
     old.done_at IS NOT new.done_at OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('service_followup', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'customer_uuid' AS k, new.customer_uuid AS v WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'visit_uuid', new.visit_uuid WHERE old.visit_uuid IS NOT new.visit_uuid
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'detail', new.detail WHERE old.detail IS NOT new.detail
                 UNION ALL SELECT 'call_on', new.call_on WHERE old.call_on IS NOT new.call_on
                 UNION ALL SELECT 'parts_ready', new.parts_ready WHERE old.parts_ready IS NOT new.parts_ready
                 UNION ALL SELECT 'done_at', new.done_at WHERE old.done_at IS NOT new.done_at
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_targets_sync_insert AFTER INSERT ON contact_targets
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_target', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('source', new.source, 'record_uuid', new.record_uuid, 'customer_uuid', new.customer_uuid, 'vehicle_uuid', new.vehicle_uuid, 'state', new.state, 'attempts', new.attempts, 'next_attempt_at', new.next_attempt_at, 'opened_at', new.opened_at, 'closed_at', new.closed_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_targets_sync_update AFTER UPDATE ON contact_targets
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.source IS NOT new.source OR
     old.record_uuid IS NOT new.record_uuid OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.state IS NOT new.state OR
     old.attempts IS NOT new.attempts OR
     old.next_attempt_at IS NOT new.next_attempt_at OR
     old.opened_at IS NOT new.opened_at OR
     old.closed_at IS NOT new.closed_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_target', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'source' AS k, new.source AS v WHERE old.source IS NOT new.source
                 UNION ALL SELECT 'record_uuid', new.record_uuid WHERE old.record_uuid IS NOT new.record_uuid
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'state', new.state WHERE old.state IS NOT new.state
                 UNION ALL SELECT 'attempts', new.attempts WHERE old.attempts IS NOT new.attempts
                 UNION ALL SELECT 'next_attempt_at', new.next_attempt_at WHERE old.next_attempt_at IS NOT new.next_attempt_at
                 UNION ALL SELECT 'opened_at', new.opened_at WHERE old.opened_at IS NOT new.opened_at
                 UNION ALL SELECT 'closed_at', new.closed_at WHERE old.closed_at IS NOT new.closed_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_calls_sync_insert AFTER INSERT ON contact_calls
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_call', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('target_uuid', new.target_uuid, 'at', new.at, 'user_uuid', new.user_uuid, 'user_name', new.user_name, 'number_dialled', new.number_dialled, 'outcome', new.outcome, 'call_back_at', new.call_back_at, 'band', new.band, 'counted', new.counted, 'field_actions', new.field_actions, 'note', new.note),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_calls_sync_update AFTER UPDATE ON contact_calls
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.target_uuid IS NOT new.target_uuid OR
     old.at IS NOT new.at OR
     old.user_uuid IS NOT new.user_uuid OR
     old.user_name IS NOT new.user_name OR
     old.number_dialled IS NOT new.number_dialled OR
     old.outcome IS NOT new.outcome OR
     old.call_back_at IS NOT new.call_back_at OR
     old.band IS NOT new.band OR
     old.counted IS NOT new.counted OR
     old.field_actions IS NOT new.field_actions OR
     old.note IS NOT new.note)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_call', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'target_uuid' AS k, new.target_uuid AS v WHERE old.target_uuid IS NOT new.target_uuid
                 UNION ALL SELECT 'at', new.at WHERE old.at IS NOT new.at
                 UNION ALL SELECT 'user_uuid', new.user_uuid WHERE old.user_uuid IS NOT new.user_uuid
                 UNION ALL SELECT 'user_name', new.user_name WHERE old.user_name IS NOT new.user_name
                 UNION ALL SELECT 'number_dialled', new.number_dialled WHERE old.number_dialled IS NOT new.number_dialled
                 UNION ALL SELECT 'outcome', new.outcome WHERE old.outcome IS NOT new.outcome
                 UNION ALL SELECT 'call_back_at', new.call_back_at WHERE old.call_back_at IS NOT new.call_back_at
                 UNION ALL SELECT 'band', new.band WHERE old.band IS NOT new.band
                 UNION ALL SELECT 'counted', new.counted WHERE old.counted IS NOT new.counted
                 UNION ALL SELECT 'field_actions', new.field_actions WHERE old.field_actions IS NOT new.field_actions
                 UNION ALL SELECT 'note', new.note WHERE old.note IS NOT new.note)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_letters_sync_insert AFTER INSERT ON contact_letters
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_letter', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('target_uuid', new.target_uuid, 'channel', new.channel, 'document_uuid', new.document_uuid, 'created_by', new.created_by, 'created_at', new.created_at, 'printed_at', new.printed_at, 'sent_at', new.sent_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER contact_letters_sync_update AFTER UPDATE ON contact_letters
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.target_uuid IS NOT new.target_uuid OR
     old.channel IS NOT new.channel OR
     old.document_uuid IS NOT new.document_uuid OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at OR
     old.printed_at IS NOT new.printed_at OR
     old.sent_at IS NOT new.sent_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('contact_letter', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'target_uuid' AS k, new.target_uuid AS v WHERE old.target_uuid IS NOT new.target_uuid
                 UNION ALL SELECT 'channel', new.channel WHERE old.channel IS NOT new.channel
                 UNION ALL SELECT 'document_uuid', new.document_uuid WHERE old.document_uuid IS NOT new.document_uuid
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at
                 UNION ALL SELECT 'printed_at', new.printed_at WHERE old.printed_at IS NOT new.printed_at
                 UNION ALL SELECT 'sent_at', new.sent_at WHERE old.sent_at IS NOT new.sent_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER promotions_sync_insert AFTER INSERT ON promotions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('promotion', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('title', new.title, 'body', new.body, 'valid_from', new.valid_from, 'valid_to', new.valid_to, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER promotions_sync_update AFTER UPDATE ON promotions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.title IS NOT new.title OR
     old.body IS NOT new.body OR
     old.valid_from IS NOT new.valid_from OR
     old.valid_to IS NOT new.valid_to OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('promotion', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'title' AS k, new.title AS v WHERE old.title IS NOT new.title
                 UNION ALL SELECT 'body', new.body WHERE old.body IS NOT new.body
                 UNION ALL SELECT 'valid_from', new.valid_from WHERE old.valid_from IS NOT new.valid_from
                 UNION ALL SELECT 'valid_to', new.valid_to WHERE old.valid_to IS NOT new.valid_to
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- vehicle_service_state follows service_visits (S4): the vehicle's last delivery or
-- maintenance visit and its open visits, recomputed from the vehicle's own visits (an index
-- range) on every insert, update and delete, pulled ones included.
CREATE TRIGGER service_visits_state_insert AFTER INSERT ON service_visits
BEGIN
  INSERT OR REPLACE INTO vehicle_service_state (vehicle_uuid, last_maintenance_on, last_maintenance_uuid, in_workshop,
                                                customer_uuid)
  SELECT new.vehicle_uuid, m.opened_on, m.uuid,
         (SELECT count (*) FROM service_visits w
          WHERE w.vehicle_uuid = new.vehicle_uuid AND w.closed_on IS NULL AND w.deleted = 0),
         (SELECT customer_uuid FROM vehicles WHERE uuid = new.vehicle_uuid AND deleted = 0)
  FROM (SELECT NULL) LEFT JOIN
       (SELECT opened_on, uuid FROM service_visits m
        WHERE m.vehicle_uuid = new.vehicle_uuid AND m.kind IN ('delivery', 'maintenance') AND m.deleted = 0
        ORDER BY m.opened_on DESC, m.uuid DESC LIMIT 1) m;
END;

CREATE TRIGGER service_visits_state_update
AFTER UPDATE OF vehicle_uuid, opened_on, closed_on, kind, deleted ON service_visits
BEGIN
  INSERT OR REPLACE INTO vehicle_service_state (vehicle_uuid, last_maintenance_on, last_maintenance_uuid, in_workshop,
                                                customer_uuid)
  SELECT new.vehicle_uuid, m.opened_on, m.uuid,
         (SELECT count (*) FROM service_visits w
          WHERE w.vehicle_uuid = new.vehicle_uuid AND w.closed_on IS NULL AND w.deleted = 0),
         (SELECT customer_uuid FROM vehicles WHERE uuid = new.vehicle_uuid AND deleted = 0)
  FROM (SELECT NULL) LEFT JOIN
       (SELECT opened_on, uuid FROM service_visits m
        WHERE m.vehicle_uuid = new.vehicle_uuid AND m.kind IN ('delivery', 'maintenance') AND m.deleted = 0
        ORDER BY m.opened_on DESC, m.uuid DESC LIMIT 1) m;
END;

CREATE TRIGGER service_visits_state_moved AFTER UPDATE OF vehicle_uuid ON service_visits
WHEN old.vehicle_uuid IS NOT new.vehicle_uuid
BEGIN
  INSERT OR REPLACE INTO vehicle_service_state (vehicle_uuid, last_maintenance_on, last_maintenance_uuid, in_workshop,
                                                customer_uuid)
  SELECT old.vehicle_uuid, m.opened_on, m.uuid,
         (SELECT count (*) FROM service_visits w
          WHERE w.vehicle_uuid = old.vehicle_uuid AND w.closed_on IS NULL AND w.deleted = 0),
         (SELECT customer_uuid FROM vehicles WHERE uuid = old.vehicle_uuid AND deleted = 0)
  FROM (SELECT NULL) LEFT JOIN
       (SELECT opened_on, uuid FROM service_visits m
        WHERE m.vehicle_uuid = old.vehicle_uuid AND m.kind IN ('delivery', 'maintenance') AND m.deleted = 0
        ORDER BY m.opened_on DESC, m.uuid DESC LIMIT 1) m;
END;

CREATE TRIGGER service_visits_state_delete AFTER DELETE ON service_visits
BEGIN
  INSERT OR REPLACE INTO vehicle_service_state (vehicle_uuid, last_maintenance_on, last_maintenance_uuid, in_workshop,
                                                customer_uuid)
  SELECT old.vehicle_uuid, m.opened_on, m.uuid,
         (SELECT count (*) FROM service_visits w
          WHERE w.vehicle_uuid = old.vehicle_uuid AND w.closed_on IS NULL AND w.deleted = 0),
         (SELECT customer_uuid FROM vehicles WHERE uuid = old.vehicle_uuid AND deleted = 0)
  FROM (SELECT NULL) LEFT JOIN
       (SELECT opened_on, uuid FROM service_visits m
        WHERE m.vehicle_uuid = old.vehicle_uuid AND m.kind IN ('delivery', 'maintenance') AND m.deleted = 0
        ORDER BY m.opened_on DESC, m.uuid DESC LIMIT 1) m;
END;

-- The owner follows the vehicle (a sale, a merge of customers, a deleted vehicle).
CREATE TRIGGER vehicles_service_state_owner AFTER UPDATE OF customer_uuid, deleted ON vehicles
BEGIN
  UPDATE vehicle_service_state SET customer_uuid = CASE WHEN new.deleted = 0 THEN new.customer_uuid END
  WHERE vehicle_uuid = new.uuid AND customer_uuid IS NOT (CASE WHEN new.deleted = 0 THEN new.customer_uuid END);
END;
