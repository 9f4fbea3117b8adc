-- Issue 13 (Q: SLA clocks): the dealer's business calendar, shared by every module that counts
-- business hours or business days. Working hours per weekday live in settings
-- (calendar.hours.<0..6>, "09:00-18:00", empty = closed); the holidays, Mexico's by law
-- (LFT art. 74) preloaded by gest_business_calendar and the dealer's own, live here.
CREATE TABLE business_holidays (
  uuid          TEXT PRIMARY KEY NOT NULL,
  day           TEXT NOT NULL,                 -- YYYY-MM-DD
  name          TEXT NOT NULL,
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX business_holidays_day ON business_holidays (day) WHERE deleted = 0;

-- The holidays are the dealer's, not one desktop's: entity "holiday" (fields day, name). As in
-- 0002-sync.sql: an insert sends every synced field, an update those that changed, nothing
-- while the sync applies pulled changes. A holiday the dealer removes stays as a deleted row,
-- so a legal one removed from an edited year does not come back (gest-business-calendar-store.h).
CREATE TRIGGER business_holidays_sync_insert AFTER INSERT ON business_holidays
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('holiday', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('day', new.day, 'name', new.name),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER business_holidays_sync_update AFTER UPDATE ON business_holidays
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.day IS NOT new.day OR
     old.name IS NOT new.name)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('holiday', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'day' AS k, new.day AS v WHERE old.day IS NOT new.day
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- The working hours travel as the dealer's settings (0009-sync-author.sql), each key with its
-- fixed uuid; the server lets only the roles of settings.dealer change them.
INSERT INTO sync_setting_keys (key, uuid) VALUES
  ('calendar.hours.0', '5e771260-0000-4000-8000-000000000110'),
  ('calendar.hours.1', '5e771260-0000-4000-8000-000000000111'),
  ('calendar.hours.2', '5e771260-0000-4000-8000-000000000112'),
  ('calendar.hours.3', '5e771260-0000-4000-8000-000000000113'),
  ('calendar.hours.4', '5e771260-0000-4000-8000-000000000114'),
  ('calendar.hours.5', '5e771260-0000-4000-8000-000000000115'),
  ('calendar.hours.6', '5e771260-0000-4000-8000-000000000116');
