-- Gestiona schema 3: a record's server version lives in its own row (X3, issue 4).
-- Schema 2 kept it in sync_versions, a second B-tree keyed by random UUIDs: every pulled
-- record wrote two random places of the file, and a pull of 100,000 records spent a quarter of
-- its time there. sync_versions stays as a read-only view with the same columns, so the outbox
-- triggers of schema 2 read the base version from the row itself. Activity entries never change
-- once written, so they have no version.

-- Only the indexed columns rewrite a customer's search entry: a change of version (or of the
-- local updated_at) no longer does.
DROP TRIGGER customers_search_update;
CREATE TRIGGER customers_search_update
AFTER UPDATE OF name, rfc, email, phone_mobile, city, deleted ON customers
BEGIN
  DELETE FROM search_index WHERE rowid = old.rowid * 4;
  INSERT INTO search_index (rowid, kind, uuid, title, body)
  SELECT new.rowid * 4, 'customer', new.uuid, new.name,
         new.rfc || ' ' || new.email || ' ' || new.phone_mobile || ' ' || new.city
  WHERE new.deleted = 0;
END;

ALTER TABLE customers ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE vehicles ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tramites ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;

UPDATE customers SET sync_version = v.version
FROM sync_versions v WHERE v.entity = 'customer' AND v.uuid = customers.uuid;
UPDATE vehicles SET sync_version = v.version
FROM sync_versions v WHERE v.entity = 'vehicle' AND v.uuid = vehicles.uuid;
UPDATE plans SET sync_version = v.version
FROM sync_versions v WHERE v.entity = 'plan' AND v.uuid = plans.uuid;
UPDATE tramites SET sync_version = v.version
FROM sync_versions v WHERE v.entity = 'tramite' AND v.uuid = tramites.uuid;
UPDATE documents SET sync_version = v.version
FROM sync_versions v WHERE v.entity = 'document' AND v.uuid = documents.uuid;

DROP TABLE sync_versions;
CREATE VIEW sync_versions (entity, uuid, version) AS
  SELECT 'customer', uuid, sync_version FROM customers
  UNION ALL SELECT 'vehicle', uuid, sync_version FROM vehicles
  UNION ALL SELECT 'plan', uuid, sync_version FROM plans
  UNION ALL SELECT 'tramite', uuid, sync_version FROM tramites
  UNION ALL SELECT 'document', uuid, sync_version FROM documents;
