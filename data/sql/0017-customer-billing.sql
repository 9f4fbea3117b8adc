-- Issue 15 (S11): the customer's billing data for a CFDI 4.0 invoice. customers already holds
-- kind (fisica/moral), name (as registered with the SAT), rfc, fiscal_postal_code and email;
-- these add the SAT catalog keys of the fiscal regime (c_RegimenFiscal, "601") and the CFDI
-- use (c_UsoCFDI, "G03"). '' while unknown.
ALTER TABLE customers ADD COLUMN fiscal_regime TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN cfdi_use TEXT NOT NULL DEFAULT '';

-- The customer's outbox triggers (0002) again, now carrying the two new fields.
DROP TRIGGER customers_sync_insert;
DROP TRIGGER customers_sync_update;

CREATE TRIGGER customers_sync_insert AFTER INSERT ON customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer', new.uuid, CASE new.deleted WHEN 1 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'customer' AND uuid = new.uuid), 0),
          json_object ('kind', new.kind, 'name', new.name, 'rfc', new.rfc, 'fiscal_postal_code', new.fiscal_postal_code, 'street', new.street, 'ext_number', new.ext_number, 'int_number', new.int_number, 'neighborhood', new.neighborhood, 'city', new.city, 'state_code', new.state_code, 'postal_code', new.postal_code, 'email', new.email, 'phone_mobile', new.phone_mobile, 'phone_home', new.phone_home, 'phone_work', new.phone_work, 'fiscal_regime', new.fiscal_regime, 'cfdi_use', new.cfdi_use),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;

CREATE TRIGGER customers_sync_update AFTER UPDATE ON customers
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND
    (old.deleted IS NOT new.deleted OR
     old.kind IS NOT new.kind OR
     old.name IS NOT new.name OR
     old.rfc IS NOT new.rfc OR
     old.fiscal_postal_code IS NOT new.fiscal_postal_code OR
     old.street IS NOT new.street OR
     old.ext_number IS NOT new.ext_number OR
     old.int_number IS NOT new.int_number OR
     old.neighborhood IS NOT new.neighborhood OR
     old.city IS NOT new.city OR
     old.state_code IS NOT new.state_code OR
     old.postal_code IS NOT new.postal_code OR
     old.email IS NOT new.email OR
     old.phone_mobile IS NOT new.phone_mobile OR
     old.phone_home IS NOT new.phone_home OR
     old.phone_work IS NOT new.phone_work OR
     old.fiscal_regime IS NOT new.fiscal_regime OR
     old.cfdi_use IS NOT new.cfdi_use)
BEGIN
  INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)
  VALUES ('customer', new.uuid, CASE WHEN new.deleted = 1 AND old.deleted = 0 THEN 'delete' ELSE 'upsert' END,
          coalesce ((SELECT version FROM sync_versions WHERE entity = 'customer' AND uuid = new.uuid), 0),
          (SELECT coalesce (json_group_object (k, v), '{}')
           FROM (SELECT 'kind' AS k, new.kind AS v WHERE old.kind IS NOT new.kind
                 UNION ALL SELECT 'name', new.name WHERE old.name IS NOT new.name
                 UNION ALL SELECT 'rfc', new.rfc WHERE old.rfc IS NOT new.rfc
                 UNION ALL SELECT 'fiscal_postal_code', new.fiscal_postal_code WHERE old.fiscal_postal_code IS NOT new.fiscal_postal_code
                 UNION ALL SELECT 'street', new.street WHERE old.street IS NOT new.street
                 UNION ALL SELECT 'ext_number', new.ext_number WHERE old.ext_number IS NOT new.ext_number
                 UNION ALL SELECT 'int_number', new.int_number WHERE old.int_number IS NOT new.int_number
                 UNION ALL SELECT 'neighborhood', new.neighborhood WHERE old.neighborhood IS NOT new.neighborhood
                 UNION ALL SELECT 'city', new.city WHERE old.city IS NOT new.city
                 UNION ALL SELECT 'state_code', new.state_code WHERE old.state_code IS NOT new.state_code
                 UNION ALL SELECT 'postal_code', new.postal_code WHERE old.postal_code IS NOT new.postal_code
                 UNION ALL SELECT 'email', new.email WHERE old.email IS NOT new.email
                 UNION ALL SELECT 'phone_mobile', new.phone_mobile WHERE old.phone_mobile IS NOT new.phone_mobile
                 UNION ALL SELECT 'phone_home', new.phone_home WHERE old.phone_home IS NOT new.phone_home
                 UNION ALL SELECT 'phone_work', new.phone_work WHERE old.phone_work IS NOT new.phone_work
                 UNION ALL SELECT 'fiscal_regime', new.fiscal_regime WHERE old.fiscal_regime IS NOT new.fiscal_regime
                 UNION ALL SELECT 'cfdi_use', new.cfdi_use WHERE old.cfdi_use IS NOT new.cfdi_use)),
          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER));
END;
