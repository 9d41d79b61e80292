-- Sessions: open until closed or until expires_at passes without a touch; times are unix ms, ttl_ms the touch extension.
CREATE TABLE memory_sessions (
    id              TEXT    NOT NULL PRIMARY KEY,
    conversation_id TEXT,
    ttl_ms          INTEGER NOT NULL,
    opened_at       INTEGER NOT NULL,
    touched_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    closed_at       INTEGER
);
