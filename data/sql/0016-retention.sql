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
  in_workshop          INTEGER NOT NULL DEFAULT 0   -- open visits (closed_on IS NULL)
);
CREATE INDEX vehicle_service_state_lapsed ON vehicle_service_state (last_maintenance_on) WHERE in_workshop = 0;

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
