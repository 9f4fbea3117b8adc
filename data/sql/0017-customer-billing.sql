-- Issue 15 (S11): the customer's billing data for a CFDI 4.0 invoice. customers already holds
-- kind (fisica/moral), name (as registered with the SAT), rfc, fiscal_postal_code and email;
-- these add the SAT catalog keys of the fiscal regime (c_RegimenFiscal, "601") and the CFDI
-- use (c_UsoCFDI, "G03"). '' while unknown.
ALTER TABLE customers ADD COLUMN fiscal_regime TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN cfdi_use TEXT NOT NULL DEFAULT '';
