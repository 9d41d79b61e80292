-- Accepted platform events, stored before the platform gets its acknowledgement. status: pending | done | dead.
-- event_key (platform:event id) and message_key (platform:workspace:message id) each answer a message once,
-- whether the platform retries one event or sends one message under several event ids.
CREATE TABLE inbox_events (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform         text        NOT NULL,
    event_key        text        NOT NULL UNIQUE,
    message_key      text        NOT NULL UNIQUE,
    conversation_key text        NOT NULL,
    turn             text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    locked_by        text,
    locked_until     timestamptz,
    answer           text,
    last_error       text,
    received_at      timestamptz NOT NULL,
    finished_at      timestamptz
);

CREATE INDEX ix_inbox_events_pending ON inbox_events (conversation_key, id) WHERE status = 'pending';
CREATE INDEX ix_inbox_events_status ON inbox_events (status, id);

-- Which stored conversation holds a platform thread (ConversationKey.Value).
CREATE TABLE conversation_links (
    conversation_key text        NOT NULL PRIMARY KEY,
    conversation_id  uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL
);
