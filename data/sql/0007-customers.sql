-- Schema 7 (issue 12): the Customers section lists the active customers by name (100,000 and
-- more) and reads only the rows it shows: this index gives the ordered ids without sorting.
CREATE INDEX IF NOT EXISTS customers_by_name ON customers (name COLLATE NOCASE) WHERE deleted = 0;
