-- The messages each reply was posted as (platform, idempotency key = the event id, piece), written before a post is
-- sent (message_id NULL: it may exist on the platform, look it up there before posting again) and after the platform
-- named the message. final = 1 once the message holds its final text (not a streamed part), so a retry after a crash
-- edits or skips it instead of posting a second one.
CREATE TABLE reply_outbox (
    platform        TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    piece           INTEGER NOT NULL,
    message_id      TEXT,
    final           INTEGER NOT NULL,
    began_at        INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (platform, idempotency_key, piece)
);
