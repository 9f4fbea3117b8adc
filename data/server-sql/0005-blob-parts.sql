-- Blob parts (#16.8). Appending each uploaded chunk to blobs.data rewrote the whole bytea:
-- 128 MiB in 1 MiB parts took 136 s (the last parts 2-3 s each) and left 9.1 GB of dead
-- versions until VACUUM FULL. Each PATCH now inserts its chunk as one row of blob_parts
-- (start = its offset in the document), and the upload keeps the SHA-256 state of the bytes
-- received so far (hash_state, gest-server-sha256.h), so every part costs the same and the
-- last one only finishes the hash. GET reads the parts in order. Rows rather than large
-- objects: they stay under the dealer's row-level security, go with the table in a dump and
-- need no lo_unlink when an upload is discarded; rather than files beside the database: one
-- transaction still covers the bytes and the progress, and two servers on one PostgreSQL
-- need no shared disk.

CREATE TABLE blob_parts (
  dealer_id  uuid NOT NULL,
  sha256     text NOT NULL,
  start      bigint NOT NULL CHECK (start >= 0),
  data       bytea NOT NULL,
  PRIMARY KEY (dealer_id, sha256, start),
  FOREIGN KEY (dealer_id, sha256) REFERENCES blobs (dealer_id, sha256) ON DELETE CASCADE
);
-- Documents are PDFs and photos, already compressed: keep TOAST from trying again.
ALTER TABLE blob_parts ALTER COLUMN data SET STORAGE EXTERNAL;

ALTER TABLE blobs ADD COLUMN hash_state bytea;

-- Complete documents become one part each. Uploads in progress have no hash state: they are
-- dropped, and the desktop starts them again from offset 0 (HEAD answers 404).
INSERT INTO blob_parts (dealer_id, sha256, start, data)
  SELECT dealer_id, sha256, 0, data FROM blobs WHERE complete AND size > 0;
DELETE FROM blobs WHERE NOT complete;
ALTER TABLE blobs DROP COLUMN data;

ALTER TABLE blob_parts ENABLE ROW LEVEL SECURITY;
ALTER TABLE blob_parts FORCE ROW LEVEL SECURITY;
CREATE POLICY dealer_isolation ON blob_parts USING (dealer_id = gestiona_current_dealer ())
  WITH CHECK (dealer_id = gestiona_current_dealer ());
DO $$
BEGIN
  EXECUTE format ('CREATE POLICY owner_all ON blob_parts TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
GRANT SELECT, INSERT, DELETE ON blob_parts TO gestiona_app;
