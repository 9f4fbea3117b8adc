-- X5 on the server: the activity log is append-only. gestiona-server refuses a device's change
-- or delete of an existing activity entry (sync-protocol.md, Push); this trigger refuses the
-- same in the database, whoever writes (the app role or the owner). An UPDATE that leaves the
-- entry as it is passes. To purge a dealer's data on purpose, the owner disables the trigger
-- (ALTER TABLE records DISABLE TRIGGER records_activity_append_only) in that transaction.
CREATE FUNCTION gestiona_activity_append_only () RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'activity entry % cannot be deleted: the activity log is append-only', OLD.uuid
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.data IS DISTINCT FROM OLD.data OR NEW.deleted IS DISTINCT FROM OLD.deleted
       OR NEW.entity IS DISTINCT FROM OLD.entity OR NEW.uuid IS DISTINCT FROM OLD.uuid THEN
      RAISE EXCEPTION 'activity entry % cannot be changed: the activity log is append-only', OLD.uuid
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER records_activity_append_only
  BEFORE UPDATE OR DELETE ON records
  FOR EACH ROW WHEN (OLD.entity = 'activity')
  EXECUTE FUNCTION gestiona_activity_append_only ();

-- Record uuids in canonical form (lower-case 8-4-4-4-12 hex): the server refuses others
-- (sync-protocol.md, Push), so one record never has two spellings. NOT VALID: rows stored
-- before are left as they are, every new or changed row is checked.
ALTER TABLE records ADD CONSTRAINT records_uuid_canonical
  CHECK (uuid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') NOT VALID;
