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
