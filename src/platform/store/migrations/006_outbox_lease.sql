-- Outbox delivery is at-least-once (docs/mail.md). message_id is chosen when the row
-- is written and used for every attempt, so that a message sent again after a crash
-- (between the SMTP server's acceptance and the row being marked sent) carries the
-- same Message-ID and the receiver can recognise the duplicate.
-- claim_token names the worker that holds the row's lease (locked_until): a worker
-- sends a row only while the claim is still its own, so a worker that lost its lease
-- never sends a row concurrently with the worker that took it over.
ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN claim_token TEXT NOT NULL DEFAULT '';
UPDATE outbox SET message_id = 'outbox-' || id || '@ateliers-territoires.anct.gouv.fr' WHERE message_id = '';
-- Confirmation and reset links must not stay readable once the message is gone.
UPDATE outbox SET body_text = '[contenu effacé après envoi]', body_html = '' WHERE sent_at IS NOT NULL;

-- Every declared collectivité is unverified today (0); ProConnect will set 1 for the
-- registrations whose collectivité it confirms. INTEGER 0/1 like the other flags.
ALTER TABLE registrations ADD COLUMN collectivite_verified INTEGER NOT NULL DEFAULT 0;
