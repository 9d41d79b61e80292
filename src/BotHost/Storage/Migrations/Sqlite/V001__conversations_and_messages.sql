-- Timestamps are UTC Unix milliseconds; ids of conversations are lower-case GUID text.
CREATE TABLE conversations (
    id         TEXT    NOT NULL PRIMARY KEY,
    title      TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX ix_conversations_created_at ON conversations (created_at DESC, id DESC);

-- AUTOINCREMENT: ids never go back, so they order the messages of a conversation.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    model_id        TEXT,
    created_at      INTEGER NOT NULL
);

CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);
