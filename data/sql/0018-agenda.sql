-- Issue 15: service reservations, "Citas de servicio" (S7, S9-S14): the advisors' hours and
-- capacity, reservations with their day's states, web bookings, no-shows, technology
-- sessions, test-drive leads. Days are 'yyyy-mm-dd' and times minutes since midnight, both in
-- the dealer's time zone; *_at columns are unix microseconds.

-- An advisor's working hours on one weekday (S12): slots of slot_minutes from starts_min to
-- ends_min, none during the break, each taking up to capacity reservations.
CREATE TABLE agenda_schedules (
  uuid              TEXT PRIMARY KEY NOT NULL,
  advisor_uuid      TEXT NOT NULL REFERENCES users (uuid),
  weekday           INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
  starts_min        INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
  ends_min          INTEGER NOT NULL CHECK (ends_min BETWEEN 1 AND 1440 AND ends_min > starts_min),
  break_starts_min  INTEGER,                                           -- NULL: no break
  break_ends_min    INTEGER,
  slot_minutes      INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
  capacity          INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 20),
  updated_at        INTEGER NOT NULL DEFAULT 0,
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version      INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX agenda_schedules_day ON agenda_schedules (advisor_uuid, weekday) WHERE deleted = 0;

-- Blocked time of one advisor (a course, a day off): no reservation may start in it.
CREATE TABLE agenda_blocks (
  uuid          TEXT PRIMARY KEY NOT NULL,
  advisor_uuid  TEXT NOT NULL REFERENCES users (uuid),
  day           TEXT NOT NULL,
  starts_min    INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
  ends_min      INTEGER NOT NULL CHECK (ends_min BETWEEN 1 AND 1440 AND ends_min > starts_min),
  reason        TEXT NOT NULL DEFAULT '',
  created_by    TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_blocks_day ON agenda_blocks (day, advisor_uuid) WHERE deleted = 0;

-- A reservation (S7, S12, S14). A web booking arrives through sync with origin 'web', state
-- 'to-confirm', the contact data as typed on the website (contact_*) and no advisor until the
-- coordinator confirms it; customer_uuid/vehicle_uuid are the server's match or new records.
CREATE TABLE reservations (
  uuid               TEXT PRIMARY KEY NOT NULL,
  customer_uuid      TEXT REFERENCES customers (uuid),
  vehicle_uuid       TEXT REFERENCES vehicles (uuid),
  mileage_km         INTEGER NOT NULL DEFAULT 0 CHECK (mileage_km >= 0),
  service_kind       TEXT NOT NULL DEFAULT 'maintenance'
                     CHECK (service_kind IN ('maintenance', 'repair', 'field-action', 'diagnosis', 'warranty', 'other')),
  advisor_uuid       TEXT REFERENCES users (uuid),                   -- NULL: a web booking to assign
  day                TEXT NOT NULL,
  starts_min         INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
  duration_min       INTEGER NOT NULL DEFAULT 30 CHECK (duration_min BETWEEN 5 AND 600),
  transport          TEXT NOT NULL DEFAULT 'waits' CHECK (transport IN ('waits', 'drops-off')),
  notes              TEXT NOT NULL DEFAULT '',
  state              TEXT NOT NULL DEFAULT 'confirmed'
                     CHECK (state IN ('to-confirm', 'confirmed', 'arrived', 'in-workshop', 'delivered',
                                      'no-show', 'refused', 'cancelled')),
  origin             TEXT NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk', 'phone', 'web', 'no-show-call')),
  contact_name       TEXT NOT NULL DEFAULT '',
  contact_phone      TEXT NOT NULL DEFAULT '',
  contact_email      TEXT NOT NULL DEFAULT '',
  contact_plate_vin  TEXT NOT NULL DEFAULT '',
  needs_invoice      INTEGER NOT NULL DEFAULT 0 CHECK (needs_invoice IN (0, 1)),
  received_at        INTEGER NOT NULL,             -- when it was booked (the web: on the server)
  confirm_by         TEXT,                         -- S7: the business day it must be confirmed on
  confirmed_at       INTEGER,
  confirmed_by       TEXT,
  refusal_reason     TEXT NOT NULL DEFAULT '',
  arrived_at         INTEGER,
  no_show_at         INTEGER,
  no_show_reason     TEXT NOT NULL DEFAULT '',
  recovery           TEXT NOT NULL DEFAULT '' CHECK (recovery IN ('', 'accepted', 'refused', 'gave-up')),
  rescheduled_from   TEXT REFERENCES reservations (uuid),
  test_drive         TEXT NOT NULL DEFAULT '' CHECK (test_drive IN ('', 'offered', 'accepted', 'declined')),
  created_by         TEXT NOT NULL DEFAULT '',
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL DEFAULT 0,
  deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reservations_day ON reservations (day, advisor_uuid, starts_min) WHERE deleted = 0;
CREATE INDEX reservations_to_confirm ON reservations (confirm_by) WHERE deleted = 0 AND state = 'to-confirm';
CREATE INDEX reservations_customer ON reservations (customer_uuid) WHERE deleted = 0;
CREATE INDEX reservations_rescheduled ON reservations (rescheduled_from) WHERE rescheduled_from IS NOT NULL;

-- The free slots the dealer's website offers (S7), published by the desktops for the next
-- days (every calendar day, so the server can date a booking received on a Sunday): one row
-- per day, slots a JSON array [{"t":"09:00","free":2},…] ('[]' on a non-working day). The
-- server books against the last one it received, and dates the booking's confirm_by from
-- the row of the day it is received on: confirm_before when received before cutoff_min in
-- time zone tz, else confirm_after (the business calendar stays on the desktop).
CREATE TABLE agenda_web_days (
  uuid            TEXT PRIMARY KEY NOT NULL,
  day             TEXT NOT NULL,
  slots           TEXT NOT NULL DEFAULT '[]',
  tz              TEXT NOT NULL DEFAULT 'America/Mexico_City',
  cutoff_min      INTEGER NOT NULL DEFAULT 1020,
  confirm_before  TEXT NOT NULL,
  confirm_after   TEXT NOT NULL,
  published_at  INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX agenda_web_days_day ON agenda_web_days (day) WHERE deleted = 0;

-- Technology sessions (S9): the specialist's daily slots; booked from a reservation or alone.
CREATE TABLE tech_sessions (
  uuid              TEXT PRIMARY KEY NOT NULL,
  day               TEXT NOT NULL,
  starts_min        INTEGER NOT NULL CHECK (starts_min BETWEEN 0 AND 1439),
  duration_min      INTEGER NOT NULL DEFAULT 30 CHECK (duration_min BETWEEN 5 AND 240),
  customer_uuid     TEXT REFERENCES customers (uuid),
  customer_name     TEXT NOT NULL,
  vehicle_type      TEXT NOT NULL DEFAULT '',     -- "SUV", "Pickup"…
  model             TEXT NOT NULL DEFAULT '',
  reservation_uuid  TEXT REFERENCES reservations (uuid),
  state             TEXT NOT NULL DEFAULT 'booked' CHECK (state IN ('booked', 'held', 'missed', 'cancelled')),
  created_by        TEXT NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL DEFAULT 0,
  deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tech_sessions_day ON tech_sessions (day, starts_min) WHERE deleted = 0;

-- Test-drive leads for sales (S10, S13): an accepted offer to a vehicle over 30,000 km.
CREATE TABLE test_drive_leads (
  uuid                 TEXT PRIMARY KEY NOT NULL,
  reservation_uuid     TEXT REFERENCES reservations (uuid),
  customer_uuid        TEXT REFERENCES customers (uuid),
  name                 TEXT NOT NULL,
  phone                TEXT NOT NULL DEFAULT '',
  current_vehicle      TEXT NOT NULL DEFAULT '',   -- "Ford Escape 2019, 35,000 km"
  vehicle_of_interest  TEXT NOT NULL DEFAULT '',
  appointment_at       INTEGER NOT NULL,           -- the test drive's time
  outcome              TEXT NOT NULL DEFAULT 'open'
                       CHECK (outcome IN ('open', 'test-driven', 'sold', 'not-interested', 'no-answer')),
  outcome_note         TEXT NOT NULL DEFAULT '',
  outcome_by           TEXT,
  outcome_at           INTEGER,
  created_by           TEXT NOT NULL DEFAULT '',
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL DEFAULT 0,
  deleted              INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX test_drive_leads_day ON test_drive_leads (appointment_at) WHERE deleted = 0;
CREATE INDEX test_drive_leads_open ON test_drive_leads (outcome) WHERE deleted = 0;

-- Outbox triggers of agenda_web_days (as in 0016-retention.sql): an insert sends every synced
-- field, an update only those that changed; nothing while the sync applies pulled changes.
-- The desktops write a day's row only when its slots or confirm-by days changed
-- (src/agenda/gest-agenda-web.c).
CREATE TRIGGER agenda_web_days_sync_insert AFTER INSERT ON agenda_web_days
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_web_day', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('day', new.day, 'slots', new.slots, 'tz', new.tz, 'cutoff_min', new.cutoff_min, 'confirm_before', new.confirm_before, 'confirm_after', new.confirm_after, 'published_at', new.published_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER agenda_web_days_sync_update AFTER UPDATE ON agenda_web_days
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.day IS NOT new.day OR
     old.slots IS NOT new.slots OR
     old.tz IS NOT new.tz OR
     old.cutoff_min IS NOT new.cutoff_min OR
     old.confirm_before IS NOT new.confirm_before OR
     old.confirm_after IS NOT new.confirm_after OR
     old.published_at IS NOT new.published_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_web_day', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'day' AS k, new.day AS v WHERE old.day IS NOT new.day
                 UNION ALL SELECT 'slots', new.slots WHERE old.slots IS NOT new.slots
                 UNION ALL SELECT 'tz', new.tz WHERE old.tz IS NOT new.tz
                 UNION ALL SELECT 'cutoff_min', new.cutoff_min WHERE old.cutoff_min IS NOT new.cutoff_min
                 UNION ALL SELECT 'confirm_before', new.confirm_before WHERE old.confirm_before IS NOT new.confirm_before
                 UNION ALL SELECT 'confirm_after', new.confirm_after WHERE old.confirm_after IS NOT new.confirm_after
                 UNION ALL SELECT 'published_at', new.published_at WHERE old.published_at IS NOT new.published_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;
