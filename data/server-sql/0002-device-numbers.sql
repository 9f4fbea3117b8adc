-- Per-device folio series (sync-protocol.md, Enrollment). Every device gets a number 1..99,
-- unique within its dealer, at enrollment; the desktop makes its folios in that series
-- (number * 10000 + 1 .. number * 10000 + 9999), so two desktops working offline never make
-- the same folio. A number is never given again, not even after the device is revoked: the
-- revoked device's folios stay on the server.

ALTER TABLE devices ADD COLUMN number smallint CHECK (number BETWEEN 1 AND 99);
ALTER TABLE devices ADD CONSTRAINT devices_dealer_number UNIQUE (dealer_id, number);

-- Devices enrolled before this migration, numbered per dealer in enrollment order (a dealer's
-- devices after the 99th keep no number: they go on with series 0, as before).
UPDATE devices d SET number = n.number
  FROM (SELECT id, row_number () OVER (PARTITION BY dealer_id ORDER BY created_at, id) AS number
          FROM devices) n
 WHERE d.id = n.id AND n.number <= 99;

-- Enrollment now also returns the device number. No row for a used, expired or unknown code;
-- a row with NULL device_id and device_number (and the code left unused) when the dealer has
-- used all 99 numbers.
DROP FUNCTION gestiona_enroll (text, text, text);
CREATE FUNCTION gestiona_enroll (p_code_sha256 text, p_device_name text, p_token_sha256 text)
  RETURNS TABLE (device_id uuid, dealer_id uuid, device_number smallint)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
  DECLARE
    v_dealer uuid;
    v_number smallint;
    v_device uuid := gen_random_uuid ();
  BEGIN
    SELECT c.dealer_id INTO v_dealer FROM public.enroll_codes c
     WHERE c.code_sha256 = p_code_sha256 AND c.used_at IS NULL AND c.expires_at > now ()
       FOR UPDATE;
    IF v_dealer IS NULL THEN
      RETURN;
    END IF;
    -- The dealer's row lock makes two enrollments of one dealer take numbers one at a time.
    PERFORM 1 FROM public.dealers WHERE id = v_dealer FOR UPDATE;
    SELECT min (s.n) INTO v_number
      FROM generate_series (1, 99) AS s (n)
     WHERE NOT EXISTS (SELECT 1 FROM public.devices d
                        WHERE d.dealer_id = v_dealer AND d.number = s.n);
    IF v_number IS NULL THEN
      device_id := NULL;
      dealer_id := v_dealer;
      device_number := NULL;
      RETURN NEXT;
      RETURN;
    END IF;
    UPDATE public.enroll_codes c SET used_at = now (), device_id = NULL
     WHERE c.code_sha256 = p_code_sha256;
    INSERT INTO public.devices (id, dealer_id, name, token_sha256, number)
    VALUES (v_device, v_dealer, p_device_name, p_token_sha256, v_number);
    UPDATE public.enroll_codes c SET device_id = v_device WHERE c.code_sha256 = p_code_sha256;
    device_id := v_device;
    dealer_id := v_dealer;
    device_number := v_number;
    RETURN NEXT;
  END
  $$;

REVOKE ALL ON FUNCTION gestiona_enroll (text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_enroll (text, text, text) TO gestiona_app;
