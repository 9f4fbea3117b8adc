-- Issue 13: complaints and claims (Q5-Q12). Times are unix µs; days YYYY-MM-DD in the
-- dealer's time zone. Users are referenced by users.uuid. The case's log is the shared
-- activity log (record_uuid = complaints.uuid).
CREATE TABLE complaints (
  uuid                    TEXT PRIMARY KEY NOT NULL,
  folio                   TEXT NOT NULL UNIQUE,             -- QJA-YYYY-NNNNNN (gest_folio)
  kind                    TEXT NOT NULL CHECK (kind IN ('complaint', 'claim')),
  channel                 TEXT NOT NULL CHECK (channel IN ('phone', 'writing')),
  -- 0 received, 1 assigned, 2 monitoring, 3 negotiation, 4 answered, 5 annulment, 6 closed
  stage                   INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 6),
  stage_since             INTEGER NOT NULL,
  customer_uuid           TEXT NOT NULL REFERENCES customers (uuid),
  plan_uuid               TEXT REFERENCES plans (uuid),
  vehicle_uuid            TEXT REFERENCES vehicles (uuid),
  invoice_number          TEXT NOT NULL DEFAULT '',
  complainant_name        TEXT NOT NULL,                    -- Q5: who complains
  complainant_role        TEXT NOT NULL DEFAULT '',
  summary                 TEXT NOT NULL,
  letter_document_uuid    TEXT REFERENCES documents (uuid), -- Q5 in writing: the scan
  responsible_uuid        TEXT NOT NULL,                    -- Q5: the primary responsible
  -- Q6 assignment
  in_process_sent_at      INTEGER,                          -- the generic message, by email or phone
  in_process_channel      TEXT,                             -- 'email' or 'phone'
  document_status         TEXT CHECK (document_status IN ('OG', 'AA', 'AN', 'PR', 'PN')),
  advisor_name            TEXT NOT NULL DEFAULT '',
  commercial_coordinator  TEXT NOT NULL DEFAULT '',
  -- Q7: the last entry of the case's log (calls, follow-ups, notes)
  last_log_at             INTEGER,
  last_log_day            TEXT,                             -- its day in the dealer's time zone
  -- SLA (business hours; gest-complaint-sla.c keeps these)
  waiting_customer        INTEGER NOT NULL DEFAULT 0 CHECK (waiting_customer IN (0, 1)),
  first_response_at       INTEGER,
  response_due_at         INTEGER,                          -- NULL while paused or answered
  resolution_due_at       INTEGER,                          -- NULL while paused or closed
  sla_state               INTEGER NOT NULL DEFAULT 0,       -- 0 on time, 1 at risk, 2 missed
  -- Q8 solution
  solution                TEXT NOT NULL DEFAULT '',
  solution_approved_by    TEXT,
  solution_approved_at    INTEGER,
  answer_sent_at          INTEGER,
  answer_document_uuid    TEXT REFERENCES documents (uuid),
  receipt_confirmed_at    INTEGER,
  -- Q9 acceptance call, Q10 closure
  acceptance_call_at      INTEGER,
  acceptance_note         TEXT NOT NULL DEFAULT '',
  cause_uuid              TEXT,
  error_uuid              TEXT,
  area_uuid               TEXT,
  closed_at               INTEGER,
  reopened_count          INTEGER NOT NULL DEFAULT 0,
  -- Q12
  annulment_uuid          TEXT,
  created_by              TEXT NOT NULL DEFAULT '',
  created_at              INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL DEFAULT 0,
  deleted                 INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_stage ON complaints (deleted, stage, stage_since);
CREATE INDEX complaints_customer ON complaints (customer_uuid);
CREATE INDEX complaints_responsible ON complaints (responsible_uuid, deleted, stage);
CREATE INDEX complaints_created ON complaints (created_at);
CREATE INDEX complaints_closed ON complaints (closed_at) WHERE closed_at IS NOT NULL;
-- Q11: the reports hub's covering indexes (src/complaints/gest-complaints-reports.c names them
-- with INDEXED BY): a year of 1,000,000 cases is aggregated from the index alone, without a
-- lookup of each row in the table (8 s with complaints_closed, 1 s with these, under load).
CREATE INDEX complaints_report_closed ON complaints (closed_at, stage, deleted, cause_uuid, area_uuid, created_at)
  WHERE closed_at IS NOT NULL;
CREATE INDEX complaints_report_received ON complaints (created_at, deleted, kind, stage, responsible_uuid, sla_state,
  closed_at, first_response_at, uuid);

-- Q6: the people responsible for actions, as tasks with a due date.
CREATE TABLE complaint_tasks (
  uuid           TEXT PRIMARY KEY NOT NULL,
  complaint_uuid TEXT NOT NULL REFERENCES complaints (uuid),
  assignee_uuid  TEXT NOT NULL,
  description    TEXT NOT NULL,
  due_day        TEXT NOT NULL,                              -- YYYY-MM-DD
  done_at        INTEGER,
  done_by        TEXT,
  created_by     TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL DEFAULT 0,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaint_tasks_complaint ON complaint_tasks (complaint_uuid, deleted);
CREATE INDEX complaint_tasks_assignee ON complaint_tasks (assignee_uuid, deleted, done_at, due_day);

-- Q10: the catalogs the head maintains (causes, errors, responsible areas).
CREATE TABLE complaint_catalog (
  uuid          TEXT PRIMARY KEY NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('cause', 'error', 'area')),
  label         TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position      INTEGER NOT NULL DEFAULT 0,
  updated_at    INTEGER NOT NULL DEFAULT 0,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX complaint_catalog_label ON complaint_catalog (kind, label) WHERE deleted = 0;

-- The SLA clock's history: pauses while waiting on the customer, resumes, the first response,
-- breaches (kind: pause, resume, first-response, response-missed, resolution-missed, reopen).
CREATE TABLE complaint_sla_events (
  uuid           TEXT PRIMARY KEY NOT NULL,
  complaint_uuid TEXT NOT NULL REFERENCES complaints (uuid),
  kind           TEXT NOT NULL,
  at             INTEGER NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  updated_at     INTEGER NOT NULL DEFAULT 0,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sync_version   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaint_sla_events_complaint ON complaint_sla_events (complaint_uuid, at);

-- (helper "complaints-core": sync outbox triggers and the search_index triggers below; search
-- code 2, rowid (2 << 40) + rowid; code 1 is the tests' example module)
