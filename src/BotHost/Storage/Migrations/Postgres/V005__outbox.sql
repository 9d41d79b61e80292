-- The messages each reply was posted as (platform, idempotency key = the event id, piece), written before a post is
-- sent (message_id NULL: it may exist on the platform, look it up there before posting again) and after the platform
-- named the message. final once the message holds its final text (not a streamed part), so a retry after a crash
-- edits or skips it instead of posting a second one.
CREATE TABLE reply_outbox (
    platform        text        NOT NULL,
    idempotency_key text        NOT NULL,
    piece           integer     NOT NULL,
    message_id      text,
    final           boolean     NOT NULL,
    began_at        timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (platform, idempotency_key, piece)
);
