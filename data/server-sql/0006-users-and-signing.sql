-- Users and Conauto's signing key (issue 12).
--
-- Users are facts of the server: a pushed change is accepted only when its author (the
-- mutation's "user", a login) is an active user of the device's dealer whose role may do what
-- the change does (gest-server-authz.c, with the desktop's permissions table). Each dealer's
-- users are records of the entity "user" in `records` (fields login, name, role, email,
-- password_hash, active), so they get versions, conflicts and pull like every record and
-- reach every desktop of the dealer, hash included (any desktop signs them in offline). A
-- separate users table would hold the same rows twice; this index finds a dealer's users.
CREATE INDEX records_dealer_users ON records (dealer_id, (data ->> 'login'))
  WHERE entity = 'user';

-- The Ed25519 key pair that signs the update files of dealers without sync (`gestiona-server
-- export-updates`, libsodium crypto_sign_detached). One row, made on first use. Only the
-- owner role (admin commands) reads the secret key; the HTTP server sends the public key at
-- enrollment through gestiona_signing_public_key(), which stores the pair it is given when
-- there is none yet and returns the public key in force.
CREATE TABLE signing_key (
  one         integer PRIMARY KEY CHECK (one = 1),
  public_key  bytea NOT NULL CHECK (length (public_key) = 32),
  secret_key  bytea NOT NULL CHECK (length (secret_key) = 64),
  created_at  timestamptz NOT NULL DEFAULT now ()
);
REVOKE ALL ON signing_key FROM PUBLIC;

CREATE FUNCTION gestiona_signing_public_key (p_public_hex text, p_secret_hex text)
  RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
  BEGIN
    INSERT INTO public.signing_key (one, public_key, secret_key)
    VALUES (1, decode (p_public_hex, 'hex'), decode (p_secret_hex, 'hex'))
    ON CONFLICT (one) DO NOTHING;
    RETURN (SELECT encode (k.public_key, 'hex') FROM public.signing_key k WHERE k.one = 1);
  END
  $$;
REVOKE ALL ON FUNCTION gestiona_signing_public_key (text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_signing_public_key (text, text) TO gestiona_app;
