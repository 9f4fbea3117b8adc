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

-- (helper "sla": sync outbox triggers below)
