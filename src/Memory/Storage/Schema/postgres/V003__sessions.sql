-- Sessions: open until closed or until expires_at passes without a touch; ttl_ms is the touch extension.
CREATE TABLE memory_sessions (
    id              text        NOT NULL PRIMARY KEY,
    conversation_id text,
    ttl_ms          bigint      NOT NULL,
    opened_at       timestamptz NOT NULL,
    touched_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    closed_at       timestamptz
);
