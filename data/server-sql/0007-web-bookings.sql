-- Web bookings (issue 15, S7): the dealer's website books through /book/<dealer> and
-- /v1/bookings/<dealer> without a token. The server reads the free slots the desktops
-- published (agenda_web_day records), counts the web bookings it received since, finds the
-- dealer's vehicle by VIN or plate and the customer by mobile phone, and writes the
-- reservation (and a new customer and vehicle when it finds none) as records.

-- The published days of a dealer, by day.
CREATE INDEX records_agenda_web_day ON records (dealer_id, (data ->> 'day'))
  WHERE entity = 'agenda_web_day';
-- The reservations of a day and time (web bookings counted against the published slots).
CREATE INDEX records_reservation_slot ON records (dealer_id, (data ->> 'day'), (data ->> 'starts_min'))
  WHERE entity = 'reservation';
-- The dealer's vehicle by VIN or by plate, as typed on the website (upper case, no spaces).
CREATE INDEX records_vehicle_vin ON records (dealer_id, upper (data ->> 'vin'))
  WHERE entity = 'vehicle';
CREATE INDEX records_vehicle_plate ON records (dealer_id, upper (replace (replace (data ->> 'plate', '-', ''), ' ', '')))
  WHERE entity = 'vehicle';
-- The customer by mobile phone.
CREATE INDEX records_customer_phone ON records (dealer_id, (data ->> 'phone_mobile'))
  WHERE entity = 'customer';

-- One web booking in one round trip (src/server/gest-server-booking.c), as the app role under
-- row-level security. The reads come first, without locks: the slot from the day's latest
-- published record, refused when past or not offered. Then the slot's own transaction-level
-- advisory lock (dealer, day, minute): two bookings of one slot count one after the other,
-- and bookings of different slots go on in parallel. The web bookings received after the
-- published record are counted and the slot refused when full. Only then the dealer's counter
-- row is locked (its only writer until commit, as gest_record_lock_dealer; always after the
-- slot's lock, so the two never wait on each other in a cycle), and under it the dealer's
-- vehicle is found by VIN or plate (exactly one) and its owner, else the only customer with
-- the mobile phone, else a new customer (p_customer) and, with a VIN, a new vehicle
-- (p_vehicle) are written; then the reservation (p_reservation plus the uuids, confirm_by from
-- the row of today: confirm_before before its cutoff_min, else confirm_after; starts_at,
-- received_at and created_at). Each new record takes the dealer's next change sequence value
-- and every field's version is that value, as gest_record_merge() writes a new record.
-- status: booked, no-dealer, past, not-offered or full.
CREATE FUNCTION gestiona_web_book (p_dealer uuid, p_day text, p_minute integer, p_vin text,
                                   p_plate text, p_phone text, p_customer jsonb, p_vehicle jsonb,
                                   p_reservation jsonb, p_customer_uuid text,
                                   p_vehicle_uuid text, p_reservation_uuid text)
  RETURNS TABLE (status text, dealer_name text, confirm_by text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
  DECLARE
    v_name text;
    v_day_version bigint;
    v_day_data jsonb;
    v_today_data jsonb;
    v_tz text;
    v_now timestamp;
    v_today text;
    v_now_min integer;
    v_time text := lpad ((p_minute / 60)::text, 2, '0') || ':' || lpad ((p_minute % 60)::text, 2, '0');
    v_free integer;
    v_taken integer;
    v_vehicle text;
    v_customer text;
    v_by text;
    v_seq bigint;
    v_n integer;
    v_at bigint := floor (extract (epoch FROM clock_timestamp ()) * 1000000)::bigint;
    v_data jsonb;
  BEGIN
    PERFORM set_config ('gestiona.dealer', p_dealer::text, true);
    SELECT d.name INTO v_name FROM dealers d WHERE d.id = p_dealer;
    IF v_name IS NULL THEN
      RETURN QUERY SELECT 'no-dealer'::text, NULL::text, NULL::text;
      RETURN;
    END IF;

    SELECT r.version, r.data INTO v_day_version, v_day_data FROM records r
     WHERE r.dealer_id = p_dealer AND r.entity = 'agenda_web_day' AND NOT r.deleted
       AND r.data ->> 'day' = p_day
     ORDER BY r.version DESC LIMIT 1;
    v_tz := v_day_data ->> 'tz';
    IF v_tz IS NULL THEN
      SELECT r.data ->> 'tz' INTO v_tz FROM records r
       WHERE r.dealer_id = p_dealer AND r.entity = 'agenda_web_day' AND NOT r.deleted
       ORDER BY r.version DESC LIMIT 1;
    END IF;
    v_tz := coalesce (v_tz, 'America/Mexico_City');
    v_now := now () AT TIME ZONE v_tz;
    v_today := to_char (v_now, 'YYYY-MM-DD');
    v_now_min := extract (hour FROM v_now)::integer * 60 + extract (minute FROM v_now)::integer;
    IF p_day < v_today OR (p_day = v_today AND p_minute <= v_now_min) THEN
      RETURN QUERY SELECT 'past'::text, v_name, NULL::text;
      RETURN;
    END IF;
    IF v_day_data IS NOT NULL THEN
      SELECT (e ->> 'free')::integer INTO v_free
        FROM jsonb_array_elements ((v_day_data ->> 'slots')::jsonb) e
       WHERE e ->> 't' = v_time LIMIT 1;
    END IF;
    IF v_free IS NULL THEN
      RETURN QUERY SELECT 'not-offered'::text, v_name, NULL::text;
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock (hashtext (p_dealer::text || ' ' || p_day), p_minute);
    SELECT count (*) INTO v_taken FROM records r
     WHERE r.dealer_id = p_dealer AND r.entity = 'reservation' AND NOT r.deleted
       AND r.data ->> 'day' = p_day AND r.data ->> 'starts_min' = p_minute::text
       AND r.data ->> 'origin' = 'web'
       AND coalesce (r.data ->> 'state', '') NOT IN ('refused', 'cancelled')
       AND r.version > v_day_version;
    IF v_free - v_taken <= 0 THEN
      RETURN QUERY SELECT 'full'::text, v_name, NULL::text;
      RETURN;
    END IF;

    SELECT r.data INTO v_today_data FROM records r
     WHERE r.dealer_id = p_dealer AND r.entity = 'agenda_web_day' AND NOT r.deleted
       AND r.data ->> 'day' = v_today
     ORDER BY r.version DESC LIMIT 1;
    IF v_today_data IS NOT NULL THEN
      v_by := CASE WHEN v_now_min < coalesce ((v_today_data ->> 'cutoff_min')::integer, 1020)
                   THEN v_today_data ->> 'confirm_before' ELSE v_today_data ->> 'confirm_after' END;
    END IF;

    PERFORM 1 FROM dealers d WHERE d.id = p_dealer FOR NO KEY UPDATE;
    IF p_vin IS NOT NULL THEN
      SELECT CASE WHEN count (*) = 1 THEN min (s.uuid) END,
             CASE WHEN count (*) = 1 THEN min (s.data ->> 'customer_uuid') END
        INTO v_vehicle, v_customer
        FROM (SELECT r.uuid, r.data FROM records r
               WHERE r.dealer_id = p_dealer AND r.entity = 'vehicle' AND NOT r.deleted
                 AND upper (r.data ->> 'vin') = p_vin LIMIT 2) s;
    ELSE
      SELECT CASE WHEN count (*) = 1 THEN min (s.uuid) END,
             CASE WHEN count (*) = 1 THEN min (s.data ->> 'customer_uuid') END
        INTO v_vehicle, v_customer
        FROM (SELECT r.uuid, r.data FROM records r
               WHERE r.dealer_id = p_dealer AND r.entity = 'vehicle' AND NOT r.deleted
                 AND upper (replace (replace (r.data ->> 'plate', '-', ''), ' ', '')) = p_plate LIMIT 2) s;
    END IF;
    IF v_customer = '' THEN
      v_customer := NULL;
    END IF;
    IF v_customer IS NULL THEN
      SELECT CASE WHEN count (*) = 1 THEN min (s.uuid) END INTO v_customer
        FROM (SELECT r.uuid FROM records r
               WHERE r.dealer_id = p_dealer AND r.entity = 'customer' AND NOT r.deleted
                 AND r.data ->> 'phone_mobile' = p_phone LIMIT 2) s;
    END IF;

    v_n := 1 + CASE WHEN v_customer IS NULL THEN 1 ELSE 0 END
             + CASE WHEN v_vehicle IS NULL AND p_vin IS NOT NULL THEN 1 ELSE 0 END;
    UPDATE dealers d SET last_seq = d.last_seq + v_n WHERE d.id = p_dealer
      RETURNING d.last_seq - v_n INTO v_seq;
    IF v_customer IS NULL THEN
      v_seq := v_seq + 1;
      v_customer := p_customer_uuid;
      INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)
        SELECT p_dealer, 'customer', v_customer, v_seq, false, p_customer,
               coalesce (jsonb_object_agg (k, v_seq), '{}') FROM jsonb_object_keys (p_customer) k;
    END IF;
    IF v_vehicle IS NULL AND p_vin IS NOT NULL THEN
      v_seq := v_seq + 1;
      v_vehicle := p_vehicle_uuid;
      v_data := p_vehicle || jsonb_build_object ('customer_uuid', v_customer);
      INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)
        SELECT p_dealer, 'vehicle', v_vehicle, v_seq, false, v_data,
               jsonb_object_agg (k, v_seq) FROM jsonb_object_keys (v_data) k;
    END IF;
    v_seq := v_seq + 1;
    v_data := p_reservation || jsonb_build_object (
      'customer_uuid', v_customer, 'vehicle_uuid', v_vehicle, 'confirm_by', v_by,
      'starts_at', floor (extract (epoch FROM ((p_day || ' ' || v_time)::timestamp AT TIME ZONE v_tz)))::bigint * 1000000,
      'received_at', v_at, 'created_at', v_at);
    INSERT INTO records (dealer_id, entity, uuid, version, deleted, data, field_versions)
      SELECT p_dealer, 'reservation', p_reservation_uuid, v_seq, false, v_data,
             jsonb_object_agg (k, v_seq) FROM jsonb_object_keys (v_data) k;
    RETURN QUERY SELECT 'booked'::text, v_name, v_by;
  END;
  $$;
REVOKE ALL ON FUNCTION gestiona_web_book (uuid, text, integer, text, text, text, jsonb, jsonb, jsonb, text, text, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_web_book (uuid, text, integer, text, text, text, jsonb, jsonb, jsonb, text, text, text)
  TO gestiona_app;

-- The web bookings of each slot from p_from on, received after the day's latest published
-- record: what /book and /v1/slots take off the published places. As its owner, like
-- gestiona_web_book(), so the day's index serves it (under row-level security a data ->> 'day'
-- condition is not leakproof, and the app role would read every reservation of the dealer).
CREATE FUNCTION gestiona_web_taken (p_dealer uuid, p_from text)
  RETURNS TABLE (day text, starts_min text, taken bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT r.data ->> 'day', r.data ->> 'starts_min', count (*) FROM records r
     WHERE r.dealer_id = p_dealer AND r.entity = 'reservation' AND NOT r.deleted
       AND r.data ->> 'day' >= p_from AND r.data ->> 'origin' = 'web'
       AND coalesce (r.data ->> 'state', '') NOT IN ('refused', 'cancelled')
       AND r.version > coalesce ((SELECT max (w.version) FROM records w
                                   WHERE w.dealer_id = p_dealer AND w.entity = 'agenda_web_day'
                                     AND NOT w.deleted AND w.data ->> 'day' = r.data ->> 'day'), 0)
     GROUP BY 1, 2
  $$;
REVOKE ALL ON FUNCTION gestiona_web_taken (uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gestiona_web_taken (uuid, text) TO gestiona_app;
