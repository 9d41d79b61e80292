-- A platform's retry repeats its payload, so the message key (unique) already recognises it: the event key's own
-- unique index cost every accepted webhook a random page write and caught nothing more. The event key stays, for
-- operators (dead letters). SQLite cannot drop a column constraint, so the table is rebuilt; ids are kept.
CREATE TABLE inbox_events_v6 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    platform         TEXT    NOT NULL,
    event_key        TEXT    NOT NULL,
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

INSERT INTO inbox_events_v6 (id, platform, event_key, message_key, conversation_key, turn, status, attempts, next_attempt_at,
                             locked_by, locked_until, answer, last_error, received_at, finished_at)
SELECT id, platform, event_key, message_key, conversation_key, turn, status, attempts, next_attempt_at,
       locked_by, locked_until, answer, last_error, received_at, finished_at
FROM inbox_events;

DROP TABLE inbox_events;
ALTER TABLE inbox_events_v6 RENAME TO inbox_events;

CREATE INDEX ix_inbox_events_pending ON inbox_events (conversation_key, id) WHERE status = 'pending';
CREATE INDEX ix_inbox_events_status ON inbox_events (status, id);
