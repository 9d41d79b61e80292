-- Accepted platform events, stored before the platform gets its acknowledgement. status: pending | done | dead.
-- event_key (platform:event id) and message_key (platform:workspace:message id) each answer a message once,
-- whether the platform retries one event or sends one message under several event ids.
CREATE TABLE inbox_events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    platform         TEXT    NOT NULL,
    event_key        TEXT    NOT NULL UNIQUE,
    message_key      TEXT    NOT NULL UNIQUE,
    conversation_key TEXT    NOT NULL,
    turn             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    locked_by        TEXT,
    locked_until     INTEGER,
    answer           TEXT,
    last_error       TEXT,
    received_at      INTEGER NOT NULL,
    finished_at      INTEGER
);

CREATE INDEX ix_inbox_events_pending ON inbox_events (conversation_key, id) WHERE status = 'pending';
CREATE INDEX ix_inbox_events_status ON inbox_events (status, id);

-- Which stored conversation holds a platform thread (ConversationKey.Value).
CREATE TABLE conversation_links (
    conversation_key TEXT    NOT NULL PRIMARY KEY,
    conversation_id  TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    created_at       INTEGER NOT NULL
);
