-- gestiona-server schema, version 1. Applied by `gestiona-server admin migrate` as the owner
-- role, which owns every table. The HTTP server connects as gestiona_app: LOGIN, NOBYPASSRLS,
-- owns nothing, has only DML grants, and sees one dealer at a time through row-level security
-- (ENABLE + FORCE) keyed on the transaction setting gestiona.dealer.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gestiona_app') THEN
    CREATE ROLE gestiona_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

-- The dealer the current transaction works for (SET LOCAL gestiona.dealer = '<uuid>').
-- NULL when unset, so a forgotten SET sees no rows and can write none.
CREATE FUNCTION gestiona_current_dealer () RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF (current_setting ('gestiona.dealer', true), '')::uuid $$;

CREATE TABLE dealers (
  id          uuid PRIMARY KEY,
  name        text NOT NULL CHECK (name <> ''),
  last_seq    bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),  -- the change sequence counter
  created_at  timestamptz NOT NULL DEFAULT now ()
);

CREATE TABLE devices (
  id            uuid PRIMARY KEY,
  dealer_id     uuid NOT NULL REFERENCES dealers (id),
  name          text NOT NULL,
  token_sha256  text NOT NULL UNIQUE CHECK (length (token_sha256) = 64),
  created_at    timestamptz NOT NULL DEFAULT now (),
  revoked_at    timestamptz
);
CREATE INDEX devices_dealer ON devices (dealer_id);

CREATE TABLE enroll_codes (
  code_sha256  text PRIMARY KEY CHECK (length (code_sha256) = 64),
  dealer_id    uuid NOT NULL REFERENCES dealers (id),
  created_at   timestamptz NOT NULL DEFAULT now (),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  device_id    uuid REFERENCES devices (id)
);

-- One row per record with its latest state. version is the dealer's change sequence value of
-- the record's last change; field_versions maps each field to the version it last changed at.
CREATE TABLE records (
  dealer_id       uuid NOT NULL REFERENCES dealers (id),
  entity          text NOT NULL,
  uuid            text NOT NULL,
  version         bigint NOT NULL CHECK (version > 0),
  deleted         boolean NOT NULL DEFAULT false,
  data            jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof (data) = 'object'),
  field_versions  jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof (field_versions) = 'object'),
  PRIMARY KEY (dealer_id, entity, uuid)
);
CREATE UNIQUE INDEX records_dealer_version ON records (dealer_id, version);
CREATE INDEX records_tramite_folio ON records ((data ->> 'folio')) WHERE entity = 'tramite';
CREATE INDEX records_plan_number ON records (dealer_id, (data ->> 'number')) WHERE entity = 'plan';

-- Exactly-once pushes: the result of (device, n), replayed for the same payload hash.
CREATE TABLE mutations (
  dealer_id       uuid NOT NULL REFERENCES dealers (id),
  device_id       uuid NOT NULL REFERENCES devices (id),
  n               bigint NOT NULL CHECK (n > 0),
  payload_sha256  text NOT NULL CHECK (length (payload_sha256) = 64),
  result          jsonb,
  created_at      timestamptz NOT NULL DEFAULT now (),
  PRIMARY KEY (device_id, n)
);

-- Content-addressed documents. Visible (GET) only once complete, that is verified.
CREATE TABLE blobs (
  dealer_id   uuid NOT NULL REFERENCES dealers (id),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL CHECK (size >= 0),
  received    bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
  complete    boolean NOT NULL DEFAULT false,
  data        bytea NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now (),
  PRIMARY KEY (dealer_id, sha256)
);

-- What Conauto published to a dealer (`admin publish`); each also is a `message` record.
CREATE TABLE messages (
  dealer_id     uuid NOT NULL REFERENCES dealers (id),
  id            uuid PRIMARY KEY,
  body          text NOT NULL CHECK (body <> ''),
  published_at  timestamptz NOT NULL DEFAULT now ()
);
CREATE INDEX messages_dealer ON messages (dealer_id);

-- Row-level security: one policy per table for everybody (the app role included) that shows
-- only the current dealer's rows, and one for the owner role that runs the admin commands and
-- the SECURITY DEFINER functions below, which must find a device or a folio before the
-- dealer is known. FORCE makes the owner subject to RLS too, so only these policies apply.
DO $$
DECLARE
  t text;
  k text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dealers', 'devices', 'enroll_codes', 'records', 'mutations',
                           'blobs', 'messages']
  LOOP
    k := CASE WHEN t = 'dealers' THEN 'id' ELSE 'dealer_id' END;
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format ('CREATE POLICY dealer_isolation ON %I USING (%I = gestiona_current_dealer ()) '
                    'WITH CHECK (%I = gestiona_current_dealer ())', t, k, k);
    EXECUTE format ('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)',
                    t, current_user);
  END LOOP;
END
$$;

-- The app role: DML only, and not even that where the HTTP server has no business.
GRANT SELECT, UPDATE (last_seq) ON dealers TO gestiona_app;
GRANT SELECT ON devices TO gestiona_app;
GRANT SELECT, INSERT, UPDATE ON records, mutations, blobs TO gestiona_app;
GRANT DELETE ON blobs TO gestiona_app;
GRANT SELECT ON messages TO gestiona_app;

-- Token lookup before the dealer is known: (device, dealer) of a live token, nothing else.
CREATE FUNCTION gestiona_device_for_token (p_token_sha256 text)
  RETURNS TABLE (device_id uuid, dealer_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT d.id, d.dealer_id FROM public.devices d
     WHERE d.token_sha256 = p_token_sha256 AND d.revoked_at IS NULL
  $$;

-- Enrollment before the dealer is known: uses a live single-use code and creates the device.
-- Returns no row for a used, expired or unknown code.
CREATE FUNCTION gestiona_enroll (p_code_sha256 text, p_device_name text, p_token_sha256 text)
  RETURNS TABLE (device_id uuid, dealer_id uuid)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
  DECLARE
    v_dealer uuid;
    v_device uuid := gen_random_uuid ();
  BEGIN
    UPDATE public.enroll_codes c SET used_at = now (), device_id = NULL
     WHERE c.code_sha256 = p_code_sha256 AND c.used_at IS NULL AND c.expires_at > now ()
    RETURNING c.dealer_id INTO v_dealer;
    IF v_dealer IS NULL THEN
      RETURN;
    END IF;
    INSERT INTO public.devices (id, dealer_id, name, token_sha256)
    VALUES (v_device, v_dealer, p_device_name, p_token_sha256);
    UPDATE public.enroll_codes c SET device_id = v_device WHERE c.code_sha256 = p_code_sha256;
    device_id := v_device;
    dealer_id := v_dealer;
    RETURN NEXT;
  END
  $$;

REVOKE ALL ON FUNCTION gestiona_device_for_token (text) FROM PUBLIC;
REVOKE ALL ON FUNCTION gestiona_enroll (text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_device_for_token (text) TO gestiona_app;
GRANT EXECUTE ON FUNCTION gestiona_enroll (text, text, text) TO gestiona_app;
