-- Schema 4 (issue 11): the mail outbox names the module that queued an email and why (its
-- purpose, the module's own word), so the outbox tells that module when the email is sent
-- instead of knowing what any module does with it.
ALTER TABLE mail_outbox ADD COLUMN module TEXT;    -- the module's id, or NULL
ALTER TABLE mail_outbox ADD COLUMN purpose TEXT;   -- the module's word for it, or NULL

-- Until schema 4 only the early payoffs queued email about a record: their documents.
UPDATE mail_outbox SET module = 'tramites', purpose = 'documents' WHERE record_uuid IS NOT NULL;
