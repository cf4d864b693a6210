-- The newsletter's delivery log records each message's own progress, so a crash leaves at most
-- one message per SMTP connection in doubt instead of a whole batch:
--   SENDING    claimed, message not complete: the SMTP server cannot have accepted it; resent after a crash
--   UNCERTAIN  written just before the final "." of DATA: the server may have accepted it; never resent
--   SENT       the server answered 250 to the final "."
--   DEFERRED   4xx, no reply to the final ".", or cut off before it: sent again from next_attempt_at
--   BOUNCED    5xx at RCPT or after DATA: a hard bounce, counted against the member
--   FAILED     still deferred after the last attempt
-- sender names the node that owns a SENDING row, so a restarting node resends only its own.
ALTER TABLE deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE deliveries ADD COLUMN next_attempt_at BIGINT;
ALTER TABLE deliveries ADD COLUMN sender VARCHAR(300);
CREATE INDEX deliveries_by_status ON deliveries (mailing_id, status);
