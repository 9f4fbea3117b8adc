-- Dealer numbers (#16.3, T5, T7). Every dealer's first device is device 1, so without the
-- dealer two dealers make the same folio (LIQ-2026-010001). Every dealer now has a number
-- 1..999, unique across the server, given at `admin create-dealer` and sent at enrollment
-- (dealer_number); a desktop enrolled with it makes folios PREFIX-YYYY-DDD-NNNNNN
-- (LIQ-2026-042-070001), so folios of two dealers never collide. The server rejects a push
-- whose trámite carries a folio of another dealer's series (gest-server-folios.c). A number
-- is never given again while its dealer exists.

ALTER TABLE dealers ADD COLUMN number smallint CHECK (number BETWEEN 1 AND 999);
ALTER TABLE dealers ADD CONSTRAINT dealers_number UNIQUE (number);

-- Dealers created before this migration, numbered in creation order.
UPDATE dealers d SET number = n.number
  FROM (SELECT id, row_number () OVER (ORDER BY created_at, id) AS number FROM dealers) n
 WHERE d.id = n.id AND n.number <= 999;

-- Conauto's admin commands find a trámite by dealer and folio.
CREATE INDEX records_dealer_tramite_folio ON records (dealer_id, (data ->> 'folio'))
  WHERE entity = 'tramite';

-- Enrollment also returns the dealer's number (NULL for a dealer past the 999th: its
-- desktops make folios of the legacy form). Otherwise as in 0002.
DROP FUNCTION gestiona_enroll (text, text, text);
CREATE FUNCTION gestiona_enroll (p_code_sha256 text, p_device_name text, p_token_sha256 text)
  RETURNS TABLE (device_id uuid, dealer_id uuid, device_number smallint, dealer_number smallint)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
  DECLARE
    v_dealer uuid;
    v_dealer_number smallint;
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
    SELECT d.number INTO v_dealer_number FROM public.dealers d WHERE d.id = v_dealer FOR UPDATE;
    SELECT min (s.n) INTO v_number
      FROM generate_series (1, 99) AS s (n)
     WHERE NOT EXISTS (SELECT 1 FROM public.devices d
                        WHERE d.dealer_id = v_dealer AND d.number = s.n);
    IF v_number IS NULL THEN
      device_id := NULL;
      dealer_id := v_dealer;
      device_number := NULL;
      dealer_number := v_dealer_number;
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
    dealer_number := v_dealer_number;
    RETURN NEXT;
  END
  $$;

REVOKE ALL ON FUNCTION gestiona_enroll (text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_enroll (text, text, text) TO gestiona_app;
