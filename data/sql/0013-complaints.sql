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

-- Outbox triggers (as in 0002-sync.sql and tests/example/example.sql): an insert sends every
-- synced field, an update only those that changed; nothing while the sync applies pulled
-- changes. The base version is the row's own sync_version.
CREATE TRIGGER complaints_sync_insert AFTER INSERT ON complaints
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('folio', new.folio, 'kind', new.kind, 'channel', new.channel, 'stage', new.stage, 'stage_since', new.stage_since, 'customer_uuid', new.customer_uuid, 'plan_uuid', new.plan_uuid, 'vehicle_uuid', new.vehicle_uuid, 'invoice_number', new.invoice_number, 'complainant_name', new.complainant_name, 'complainant_role', new.complainant_role, 'summary', new.summary, 'letter_document_uuid', new.letter_document_uuid, 'responsible_uuid', new.responsible_uuid, 'in_process_sent_at', new.in_process_sent_at, 'in_process_channel', new.in_process_channel, 'document_status', new.document_status, 'advisor_name', new.advisor_name, 'commercial_coordinator', new.commercial_coordinator, 'last_log_at', new.last_log_at, 'last_log_day', new.last_log_day, 'waiting_customer', new.waiting_customer, 'first_response_at', new.first_response_at, 'response_due_at', new.response_due_at, 'resolution_due_at', new.resolution_due_at, 'sla_state', new.sla_state, 'solution', new.solution, 'solution_approved_by', new.solution_approved_by, 'solution_approved_at', new.solution_approved_at, 'answer_sent_at', new.answer_sent_at, 'answer_document_uuid', new.answer_document_uuid, 'receipt_confirmed_at', new.receipt_confirmed_at, 'acceptance_call_at', new.acceptance_call_at, 'acceptance_note', new.acceptance_note, 'cause_uuid', new.cause_uuid, 'error_uuid', new.error_uuid, 'area_uuid', new.area_uuid, 'closed_at', new.closed_at, 'reopened_count', new.reopened_count, 'annulment_uuid', new.annulment_uuid, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaints_sync_update AFTER UPDATE ON complaints
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.folio IS NOT new.folio OR
     old.kind IS NOT new.kind OR
     old.channel IS NOT new.channel OR
     old.stage IS NOT new.stage OR
     old.stage_since IS NOT new.stage_since OR
     old.customer_uuid IS NOT new.customer_uuid OR
     old.plan_uuid IS NOT new.plan_uuid OR
     old.vehicle_uuid IS NOT new.vehicle_uuid OR
     old.invoice_number IS NOT new.invoice_number OR
     old.complainant_name IS NOT new.complainant_name OR
     old.complainant_role IS NOT new.complainant_role OR
     old.summary IS NOT new.summary OR
     old.letter_document_uuid IS NOT new.letter_document_uuid OR
     old.responsible_uuid IS NOT new.responsible_uuid OR
     old.in_process_sent_at IS NOT new.in_process_sent_at OR
     old.in_process_channel IS NOT new.in_process_channel OR
     old.document_status IS NOT new.document_status OR
     old.advisor_name IS NOT new.advisor_name OR
     old.commercial_coordinator IS NOT new.commercial_coordinator OR
     old.last_log_at IS NOT new.last_log_at OR
     old.last_log_day IS NOT new.last_log_day OR
     old.waiting_customer IS NOT new.waiting_customer OR
     old.first_response_at IS NOT new.first_response_at OR
     old.response_due_at IS NOT new.response_due_at OR
     old.resolution_due_at IS NOT new.resolution_due_at OR
     old.sla_state IS NOT new.sla_state OR
     old.solution IS NOT new.solution OR
     old.solution_approved_by IS NOT new.solution_approved_by OR
     old.solution_approved_at IS NOT new.solution_approved_at OR
     old.answer_sent_at IS NOT new.answer_sent_at OR
     old.answer_document_uuid IS NOT new.answer_document_uuid OR
     old.receipt_confirmed_at IS NOT new.receipt_confirmed_at OR
     old.acceptance_call_at IS NOT new.acceptance_call_at OR
     old.acceptance_note IS NOT new.acceptance_note OR
     old.cause_uuid IS NOT new.cause_uuid OR
     old.error_uuid IS NOT new.error_uuid OR
     old.area_uuid IS NOT new.area_uuid OR
     old.closed_at IS NOT new.closed_at OR
     old.reopened_count IS NOT new.reopened_count OR
     old.annulment_uuid IS NOT new.annulment_uuid OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'folio' AS k, new.folio AS v WHERE old.folio IS NOT new.folio
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'channel', new.channel WHERE old.channel IS NOT new.channel
                 UNION ALL SELECT 'stage', new.stage WHERE old.stage IS NOT new.stage
                 UNION ALL SELECT 'stage_since', new.stage_since WHERE old.stage_since IS NOT new.stage_since
                 UNION ALL SELECT 'customer_uuid', new.customer_uuid WHERE old.customer_uuid IS NOT new.customer_uuid
                 UNION ALL SELECT 'plan_uuid', new.plan_uuid WHERE old.plan_uuid IS NOT new.plan_uuid
                 UNION ALL SELECT 'vehicle_uuid', new.vehicle_uuid WHERE old.vehicle_uuid IS NOT new.vehicle_uuid
                 UNION ALL SELECT 'invoice_number', new.invoice_number WHERE old.invoice_number IS NOT new.invoice_number
                 UNION ALL SELECT 'complainant_name', new.complainant_name WHERE old.complainant_name IS NOT new.complainant_name
                 UNION ALL SELECT 'complainant_role', new.complainant_role WHERE old.complainant_role IS NOT new.complainant_role
                 UNION ALL SELECT 'summary', new.summary WHERE old.summary IS NOT new.summary
                 UNION ALL SELECT 'letter_document_uuid', new.letter_document_uuid WHERE old.letter_document_uuid IS NOT new.letter_document_uuid
                 UNION ALL SELECT 'responsible_uuid', new.responsible_uuid WHERE old.responsible_uuid IS NOT new.responsible_uuid
                 UNION ALL SELECT 'in_process_sent_at', new.in_process_sent_at WHERE old.in_process_sent_at IS NOT new.in_process_sent_at
                 UNION ALL SELECT 'in_process_channel', new.in_process_channel WHERE old.in_process_channel IS NOT new.in_process_channel
                 UNION ALL SELECT 'document_status', new.document_status WHERE old.document_status IS NOT new.document_status
                 UNION ALL SELECT 'advisor_name', new.advisor_name WHERE old.advisor_name IS NOT new.advisor_name
                 UNION ALL SELECT 'commercial_coordinator', new.commercial_coordinator WHERE old.commercial_coordinator IS NOT new.commercial_coordinator
                 UNION ALL SELECT 'last_log_at', new.last_log_at WHERE old.last_log_at IS NOT new.last_log_at
                 UNION ALL SELECT 'last_log_day', new.last_log_day WHERE old.last_log_day IS NOT new.last_log_day
                 UNION ALL SELECT 'waiting_customer', new.waiting_customer WHERE old.waiting_customer IS NOT new.waiting_customer
                 UNION ALL SELECT 'first_response_at', new.first_response_at WHERE old.first_response_at IS NOT new.first_response_at
                 UNION ALL SELECT 'response_due_at', new.response_due_at WHERE old.response_due_at IS NOT new.response_due_at
                 UNION ALL SELECT 'resolution_due_at', new.resolution_due_at WHERE old.resolution_due_at IS NOT new.resolution_due_at
                 UNION ALL SELECT 'sla_state', new.sla_state WHERE old.sla_state IS NOT new.sla_state
                 UNION ALL SELECT 'solution', new.solution WHERE old.solution IS NOT new.solution
                 UNION ALL SELECT 'solution_approved_by', new.solution_approved_by WHERE old.solution_approved_by IS NOT new.solution_approved_by
                 UNION ALL SELECT 'solution_approved_at', new.solution_approved_at WHERE old.solution_approved_at IS NOT new.solution_approved_at
                 UNION ALL SELECT 'answer_sent_at', new.answer_sent_at WHERE old.answer_sent_at IS NOT new.answer_sent_at
                 UNION ALL SELECT 'answer_document_uuid', new.answer_document_uuid WHERE old.answer_document_uuid IS NOT new.answer_document_uuid
                 UNION ALL SELECT 'receipt_confirmed_at', new.receipt_confirmed_at WHERE old.receipt_confirmed_at IS NOT new.receipt_confirmed_at
                 UNION ALL SELECT 'acceptance_call_at', new.acceptance_call_at WHERE old.acceptance_call_at IS NOT new.acceptance_call_at
                 UNION ALL SELECT 'acceptance_note', new.acceptance_note WHERE old.acceptance_note IS NOT new.acceptance_note
                 UNION ALL SELECT 'cause_uuid', new.cause_uuid WHERE old.cause_uuid IS NOT new.cause_uuid
                 UNION ALL SELECT 'error_uuid', new.error_uuid WHERE old.error_uuid IS NOT new.error_uuid
                 UNION ALL SELECT 'area_uuid', new.area_uuid WHERE old.area_uuid IS NOT new.area_uuid
                 UNION ALL SELECT 'closed_at', new.closed_at WHERE old.closed_at IS NOT new.closed_at
                 UNION ALL SELECT 'reopened_count', new.reopened_count WHERE old.reopened_count IS NOT new.reopened_count
                 UNION ALL SELECT 'annulment_uuid', new.annulment_uuid WHERE old.annulment_uuid IS NOT new.annulment_uuid
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_tasks_sync_insert AFTER INSERT ON complaint_tasks
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_task', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('complaint_uuid', new.complaint_uuid, 'assignee_uuid', new.assignee_uuid, 'description', new.description, 'due_day', new.due_day, 'done_at', new.done_at, 'done_by', new.done_by, 'created_by', new.created_by, 'created_at', new.created_at),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_tasks_sync_update AFTER UPDATE ON complaint_tasks
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.complaint_uuid IS NOT new.complaint_uuid OR
     old.assignee_uuid IS NOT new.assignee_uuid OR
     old.description IS NOT new.description OR
     old.due_day IS NOT new.due_day OR
     old.done_at IS NOT new.done_at OR
     old.done_by IS NOT new.done_by OR
     old.created_by IS NOT new.created_by OR
     old.created_at IS NOT new.created_at)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_task', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'complaint_uuid' AS k, new.complaint_uuid AS v WHERE old.complaint_uuid IS NOT new.complaint_uuid
                 UNION ALL SELECT 'assignee_uuid', new.assignee_uuid WHERE old.assignee_uuid IS NOT new.assignee_uuid
                 UNION ALL SELECT 'description', new.description WHERE old.description IS NOT new.description
                 UNION ALL SELECT 'due_day', new.due_day WHERE old.due_day IS NOT new.due_day
                 UNION ALL SELECT 'done_at', new.done_at WHERE old.done_at IS NOT new.done_at
                 UNION ALL SELECT 'done_by', new.done_by WHERE old.done_by IS NOT new.done_by
                 UNION ALL SELECT 'created_by', new.created_by WHERE old.created_by IS NOT new.created_by
                 UNION ALL SELECT 'created_at', new.created_at WHERE old.created_at IS NOT new.created_at)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_catalog_sync_insert AFTER INSERT ON complaint_catalog
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_catalog', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('kind', new.kind, 'label', new.label, 'active', new.active, 'position', new.position),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_catalog_sync_update AFTER UPDATE ON complaint_catalog
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.kind IS NOT new.kind OR
     old.label IS NOT new.label OR
     old.active IS NOT new.active OR
     old.position IS NOT new.position)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_catalog', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'label', new.label WHERE old.label IS NOT new.label
                 UNION ALL SELECT 'active', new.active WHERE old.active IS NOT new.active
                 UNION ALL SELECT 'position', new.position WHERE old.position IS NOT new.position)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_sla_events_sync_insert AFTER INSERT ON complaint_sla_events
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_sla_event', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END, new.sync_version,
          json_object ('complaint_uuid', new.complaint_uuid, 'kind', new.kind, 'at', new.at, 'note', new.note),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER complaint_sla_events_sync_update AFTER UPDATE ON complaint_sla_events
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.complaint_uuid IS NOT new.complaint_uuid OR
     old.kind IS NOT new.kind OR
     old.at IS NOT new.at OR
     old.note IS NOT new.note)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('complaint_sla_event', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          new.sync_version,
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'complaint_uuid' AS k, new.complaint_uuid AS v WHERE old.complaint_uuid IS NOT new.complaint_uuid
                 UNION ALL SELECT 'kind', new.kind WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'at', new.at WHERE old.at IS NOT new.at
                 UNION ALL SELECT 'note', new.note WHERE old.note IS NOT new.note)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

-- Search: kind "complaint" takes search code 2, so its index rows have
-- rowid = (2 << 40) + the case's rowid. Title: the folio; body: the customer's name, the
-- person who complains and the summary.
CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints WHEN new.deleted = 0
BEGIN
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (2 << 40) + new.rowid, 'complaint', new.uuid, new.folio,
         c.name || ' ' || new.complainant_name || ' ' || new.summary
  FROM customers c WHERE c.uuid = new.customer_uuid;
END;

CREATE TRIGGER complaints_search_update
AFTER UPDATE OF folio, customer_uuid, complainant_name, summary, deleted ON complaints
BEGIN
  DELETE FROM search_index WHERE rowid = (2 << 40) + old.rowid;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (2 << 40) + new.rowid, 'complaint', new.uuid, new.folio,
         c.name || ' ' || new.complainant_name || ' ' || new.summary
  FROM customers c WHERE c.uuid = new.customer_uuid AND new.deleted = 0;
END;

CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints
BEGIN
  DELETE FROM search_index WHERE rowid = (2 << 40) + old.rowid;
END;

-- A customer renamed: their cases are found by the new name.
CREATE TRIGGER complaints_search_customer AFTER UPDATE OF name ON customers
BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT (2 << 40) + q.rowid FROM complaints q
                                           WHERE q.customer_uuid = new.uuid);
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT (2 << 40) + q.rowid, 'complaint', q.uuid, q.folio,
         new.name || ' ' || q.complainant_name || ' ' || q.summary
  FROM complaints q WHERE q.customer_uuid = new.uuid AND q.deleted = 0;
END;

-- The board's "no entry today" and "mine" filters and the tasks of a user.
CREATE INDEX complaints_last_log ON complaints (deleted, stage, last_log_day);
