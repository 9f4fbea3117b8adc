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
  -- day + starts_min as unix µs (the dealer's zone), for the queue's SQL, which has no clock of
  -- the dealer's zone: NULL when not known (a no-show is then found the day after).
  starts_at          INTEGER,
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
  followup           INTEGER NOT NULL DEFAULT 0 CHECK (followup IN (0, 1)),  -- refused: a follow-up call offered
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

-- The outbox triggers of tech_sessions (entity tech_session): an insert sends every synced field,
-- an update the fields that changed, nothing while sync_applying has a row.
CREATE TRIGGER tech_sessions_sync_insert AFTER INSERT ON tech_sessions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('tech_session', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('day', new.day, 'starts_min', new.starts_min, 'duration_min', new.duration_min, 'customer_uuid', new.customer_uuid, 'customer_name', new.customer_name, 'vehicle_type', new.vehicle_type, 'model', new.model, 'reservation_uuid', new.reservation_uuid, 'state', new.state, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER tech_sessions_sync_update AFTER UPDATE ON tech_sessions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.day IS NOT new.day OR
     old.starts_min IS NOT new.starts_min OR
     old.duration_min IS NOT new.duration_min OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.customer_name IS NOT new.customer_name OR
     old.vehicle_type IS NOT new.vehicle_type OR
     old.model IS NOT new.model OR
     old.reservation_uuid IS NOT new.reservation_uuid OR
     old.state IS NOT new.state OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('tech_session', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'day' AS k, new.day AS v WHERE old.day IS NOT new.day
                 UNION ALL SELECT 'starts_min', new.starts_min WHERE old.starts_min IS NOT new.starts_min
                 UNION ALL SELECT 'duration_min', new.duration_min WHERE old.duration_min IS NOT new.duration_min
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'customer_name', new.customer_name WHERE old.customer_name IS NOT new.customer_name
                 UNION ALL SELECT 'vehicle_type', new.vehicle_type WHERE old.vehicle_type IS NOT new.vehicle_type
                 UNION ALL SELECT 'model', new.model WHERE old.model IS NOT new.model
                 UNION ALL SELECT 'reservation_uuid', new.reservation_uuid WHERE old.reservation_uuid IS NOT new.reservation_uuid
                 UNION ALL SELECT 'state', new.state WHERE old.state IS NOT new.state
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

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

-- The outbox triggers of test_drive_leads (entity test_drive_lead), as tech_sessions'.
CREATE TRIGGER test_drive_leads_sync_insert AFTER INSERT ON test_drive_leads
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('test_drive_lead', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('reservation_uuid', new.reservation_uuid, 'customer_uuid', new.customer_uuid, 'name', new.name, 'phone', new.phone, 'current_vehicle', new.current_vehicle, 'vehicle_of_interest', new.vehicle_of_interest, 'appointment_at', new.appointment_at, 'outcome', new.outcome, 'outcome_note', new.outcome_note, 'outcome_by', new.outcome_by, 'outcome_at', new.outcome_at, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER test_drive_leads_sync_update AFTER UPDATE ON test_drive_leads
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.reservation_uuid IS NOT new.reservation_uuid OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.name IS NOT new.name OR
     old.phone IS NOT new.phone OR
     old.current_vehicle IS NOT new.current_vehicle OR
     old.vehicle_of_interest IS NOT new.vehicle_of_interest OR
     old.appointment_at IS NOT new.appointment_at OR
     old.outcome IS NOT new.outcome OR
     old.outcome_note IS NOT new.outcome_note OR
     old.outcome_by IS NOT new.outcome_by OR
     old.outcome_at IS NOT new.outcome_at OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('test_drive_lead', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'reservation_uuid' AS k, new.reservation_uuid AS v WHERE old.reservation_uuid IS NOT new.reservation_uuid
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name
                 UNION ALL SELECT 'phone', new.phone WHERE old.phone IS NOT new.phone
                 UNION ALL SELECT 'current_vehicle', new.current_vehicle WHERE old.current_vehicle IS NOT new.current_vehicle
                 UNION ALL SELECT 'vehicle_of_interest', new.vehicle_of_interest WHERE old.vehicle_of_interest IS NOT new.vehicle_of_interest
                 UNION ALL SELECT 'appointment_at', new.appointment_at WHERE old.appointment_at IS NOT new.appointment_at
                 UNION ALL SELECT 'outcome', new.outcome WHERE old.outcome IS NOT new.outcome
                 UNION ALL SELECT 'outcome_note', new.outcome_note WHERE old.outcome_note IS NOT new.outcome_note
                 UNION ALL SELECT 'outcome_by', new.outcome_by WHERE old.outcome_by IS NOT new.outcome_by
                 UNION ALL SELECT 'outcome_at', new.outcome_at WHERE old.outcome_at IS NOT new.outcome_at
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;


-- Sync (agenda-core): every change of a schedule, a block or a reservation goes to the outbox
-- (data/sync-protocol.md), as 0016-retention.sql does; a change the sync applies does not.
CREATE TRIGGER agenda_schedules_sync_insert AFTER INSERT ON agenda_schedules
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_schedule', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('advisor_uuid', new.advisor_uuid, 'weekday', new.weekday, 'starts_min', new.starts_min, 'ends_min', new.ends_min, 'break_starts_min', new.break_starts_min, 'break_ends_min', new.break_ends_min, 'slot_minutes', new.slot_minutes, 'capacity', new.capacity),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER agenda_schedules_sync_update AFTER UPDATE ON agenda_schedules
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.advisor_uuid IS NOT new.advisor_uuid OR
     old.weekday IS NOT new.weekday OR
     old.starts_min IS NOT new.starts_min OR
     old.ends_min IS NOT new.ends_min OR
     old.break_starts_min IS NOT new.break_starts_min OR
     old.break_ends_min IS NOT new.break_ends_min OR
     old.slot_minutes IS NOT new.slot_minutes OR
     old.capacity IS NOT new.capacity)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_schedule', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'advisor_uuid' AS k, new.advisor_uuid AS v WHERE old.advisor_uuid IS NOT new.advisor_uuid
                 UNION ALL SELECT 'weekday', new.weekday WHERE old.weekday IS NOT new.weekday
                 UNION ALL SELECT 'starts_min', new.starts_min WHERE old.starts_min IS NOT new.starts_min
                 UNION ALL SELECT 'ends_min', new.ends_min WHERE old.ends_min IS NOT new.ends_min
                 UNION ALL SELECT 'break_starts_min', new.break_starts_min WHERE old.break_starts_min IS NOT new.break_starts_min
                 UNION ALL SELECT 'break_ends_min', new.break_ends_min WHERE old.break_ends_min IS NOT new.break_ends_min
                 UNION ALL SELECT 'slot_minutes', new.slot_minutes WHERE old.slot_minutes IS NOT new.slot_minutes
                 UNION ALL SELECT 'capacity', new.capacity WHERE old.capacity IS NOT new.capacity)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER agenda_blocks_sync_insert AFTER INSERT ON agenda_blocks
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_block', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('advisor_uuid', new.advisor_uuid, 'day', new.day, 'starts_min', new.starts_min, 'ends_min', new.ends_min, 'reason', new.reason, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER agenda_blocks_sync_update AFTER UPDATE ON agenda_blocks
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.advisor_uuid IS NOT new.advisor_uuid OR
     old.day IS NOT new.day OR
     old.starts_min IS NOT new.starts_min OR
     old.ends_min IS NOT new.ends_min OR
     old.reason IS NOT new.reason OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('agenda_block', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'advisor_uuid' AS k, new.advisor_uuid AS v WHERE old.advisor_uuid IS NOT new.advisor_uuid
                 UNION ALL SELECT 'day', new.day WHERE old.day IS NOT new.day
                 UNION ALL SELECT 'starts_min', new.starts_min WHERE old.starts_min IS NOT new.starts_min
                 UNION ALL SELECT 'ends_min', new.ends_min WHERE old.ends_min IS NOT new.ends_min
                 UNION ALL SELECT 'reason', new.reason WHERE old.reason IS NOT new.reason
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER reservations_sync_insert AFTER INSERT ON reservations
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('reservation', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('customer_uuid', new.customer_uuid, 'vehicle_uuid', new.vehicle_uuid, 'mileage_km', new.mileage_km, 'service_kind', new.service_kind, 'advisor_uuid', new.advisor_uuid, 'day', new.day, 'starts_min', new.starts_min, 'starts_at', new.starts_at, 'duration_min', new.duration_min, 'transport', new.transport, 'notes', new.notes, 'state', new.state, 'origin', new.origin, 'contact_name', new.contact_name, 'contact_phone', new.contact_phone, 'contact_email', new.contact_email, 'contact_plate_vin', new.contact_plate_vin, 'needs_invoice', new.needs_invoice, 'received_at', new.received_at, 'confirm_by', new.confirm_by, 'confirmed_at', new.confirmed_at, 'confirmed_by', new.confirmed_by, 'refusal_reason', new.refusal_reason, 'followup', new.followup, 'arrived_at', new.arrived_at, 'no_show_at', new.no_show_at, 'no_show_reason', new.no_show_reason, 'recovery', new.recovery, 'rescheduled_from', new.rescheduled_from, 'test_drive', new.test_drive, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER reservations_sync_update AFTER UPDATE ON reservations
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.mileage_km IS NOT new.mileage_km OR
     old.service_kind IS NOT new.service_kind OR
     old.advisor_uuid IS NOT new.advisor_uuid OR
     old.day IS NOT new.day OR
     old.starts_min IS NOT new.starts_min OR
     old.starts_at IS NOT new.starts_at OR
     old.duration_min IS NOT new.duration_min OR
     old.transport IS NOT new.transport OR
     old.notes IS NOT new.notes OR
     old.state IS NOT new.state OR
     old.origin IS NOT new.origin OR
     old.contact_name IS NOT new.contact_name OR
     old.contact_phone IS NOT new.contact_phone OR
     old.contact_email IS NOT new.contact_email OR
     old.contact_plate_vin IS NOT new.contact_plate_vin OR
     old.needs_invoice IS NOT new.needs_invoice OR
     old.received_at IS NOT new.received_at OR
     old.confirm_by IS NOT new.confirm_by OR
     old.confirmed_at IS NOT new.confirmed_at OR
     old.confirmed_by IS NOT new.confirmed_by OR
     old.refusal_reason IS NOT new.refusal_reason OR
     old.followup IS NOT new.followup OR
     old.arrived_at IS NOT new.arrived_at OR
     old.no_show_at IS NOT new.no_show_at OR
     old.no_show_reason IS NOT new.no_show_reason OR
     old.recovery IS NOT new.recovery OR
     old.rescheduled_from IS NOT new.rescheduled_from OR
     old.test_drive IS NOT new.test_drive OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('reservation', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'customer_uuid' AS k, new.customer_uuid AS v WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'mileage_km', new.mileage_km WHERE old.mileage_km IS NOT new.mileage_km
                 UNION ALL SELECT 'service_kind', new.service_kind WHERE old.service_kind IS NOT new.service_kind
                 UNION ALL SELECT 'advisor_uuid', new.advisor_uuid WHERE old.advisor_uuid IS NOT new.advisor_uuid
                 UNION ALL SELECT 'day', new.day WHERE old.day IS NOT new.day
                 UNION ALL SELECT 'starts_min', new.starts_min WHERE old.starts_min IS NOT new.starts_min
                 UNION ALL SELECT 'starts_at', new.starts_at WHERE old.starts_at IS NOT new.starts_at
                 UNION ALL SELECT 'duration_min', new.duration_min WHERE old.duration_min IS NOT new.duration_min
                 UNION ALL SELECT 'transport', new.transport WHERE old.transport IS NOT new.transport
                 UNION ALL SELECT 'notes', new.notes WHERE old.notes IS NOT new.notes
                 UNION ALL SELECT 'state', new.state WHERE old.state IS NOT new.state
                 UNION ALL SELECT 'origin', new.origin WHERE old.origin IS NOT new.origin
                 UNION ALL SELECT 'contact_name', new.contact_name WHERE old.contact_name IS NOT new.contact_name
                 UNION ALL SELECT 'contact_phone', new.contact_phone WHERE old.contact_phone IS NOT new.contact_phone
                 UNION ALL SELECT 'contact_email', new.contact_email WHERE old.contact_email IS NOT new.contact_email
                 UNION ALL SELECT 'contact_plate_vin', new.contact_plate_vin WHERE old.contact_plate_vin IS NOT new.contact_plate_vin
                 UNION ALL SELECT 'needs_invoice', new.needs_invoice WHERE old.needs_invoice IS NOT new.needs_invoice
                 UNION ALL SELECT 'received_at', new.received_at WHERE old.received_at IS NOT new.received_at
                 UNION ALL SELECT 'confirm_by', new.confirm_by WHERE old.confirm_by IS NOT new.confirm_by
                 UNION ALL SELECT 'confirmed_at', new.confirmed_at WHERE old.confirmed_at IS NOT new.confirmed_at
                 UNION ALL SELECT 'confirmed_by', new.confirmed_by WHERE old.confirmed_by IS NOT new.confirmed_by
                 UNION ALL SELECT 'refusal_reason', new.refusal_reason WHERE old.refusal_reason IS NOT new.refusal_reason
                 UNION ALL SELECT 'followup', new.followup WHERE old.followup IS NOT new.followup
                 UNION ALL SELECT 'arrived_at', new.arrived_at WHERE old.arrived_at IS NOT new.arrived_at
                 UNION ALL SELECT 'no_show_at', new.no_show_at WHERE old.no_show_at IS NOT new.no_show_at
                 UNION ALL SELECT 'no_show_reason', new.no_show_reason WHERE old.no_show_reason IS NOT new.no_show_reason
                 UNION ALL SELECT 'recovery', new.recovery WHERE old.recovery IS NOT new.recovery
                 UNION ALL SELECT 'rescheduled_from', new.rescheduled_from WHERE old.rescheduled_from IS NOT new.rescheduled_from
                 UNION ALL SELECT 'test_drive', new.test_drive WHERE old.test_drive IS NOT new.test_drive
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Search: kind "reservation" takes search code 5, so its index rows have rowid = (5 << 40) + the
-- reservation's rowid. Title the customer's name (or the name typed on the website); body the
-- vehicle's plate, VIN and model, the web booking's plate or VIN and phone, and the day.
CREATE TRIGGER reservations_search_insert AFTER INSERT ON reservations WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  VALUES ((5 << 40) + new.rowid, 'reservation', new.uuid, coalesce ((SELECT nullif (c.name, '') FROM customers c WHERE c.uuid = new.customer_uuid), new.contact_name),
          coalesce ((SELECT v.plate || ' ' || v.vin || ' ' || v.model FROM vehicles v WHERE v.uuid = new.vehicle_uuid), '') || ' ' || new.contact_plate_vin || ' ' || new.contact_phone || ' '
          || substr (new.day, 9, 2) || '/' || substr (new.day, 6, 2) || '/' || substr (new.day, 1, 4));
END;

CREATE TRIGGER reservations_search_update
AFTER UPDATE OF customer_uuid, vehicle_uuid, contact_name, contact_plate_vin, contact_phone, day, deleted ON reservations
BEGIN
  DELETE FROM search_index WHERE rowid = (5 << 40) + old.rowid;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (5 << 40) + new.rowid, 'reservation', new.uuid, coalesce ((SELECT nullif (c.name, '') FROM customers c WHERE c.uuid = new.customer_uuid), new.contact_name),
         coalesce ((SELECT v.plate || ' ' || v.vin || ' ' || v.model FROM vehicles v WHERE v.uuid = new.vehicle_uuid), '') || ' ' || new.contact_plate_vin || ' ' || new.contact_phone || ' '
          || substr (new.day, 9, 2) || '/' || substr (new.day, 6, 2) || '/' || substr (new.day, 1, 4)
  WHERE new.deleted = 0;
END;

CREATE TRIGGER reservations_search_delete AFTER DELETE ON reservations
BEGIN
  DELETE FROM search_index WHERE rowid = (5 << 40) + old.rowid;
END;

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
