-- Schema 10 (issue 12): the user who queued an email, so the log entry written when the mail
-- service delivers it (on its own connection, where nobody is signed in) names that user.
ALTER TABLE mail_outbox ADD COLUMN queued_by TEXT NOT NULL DEFAULT '';   -- users.uuid, '' before sign-in
