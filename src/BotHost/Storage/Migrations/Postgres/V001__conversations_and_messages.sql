CREATE TABLE conversations (
    id         uuid        NOT NULL PRIMARY KEY,
    title      text        NOT NULL,
    source     text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX ix_conversations_created_at ON conversations (created_at DESC, id DESC);

CREATE TABLE messages (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role            text        NOT NULL,
    content         text        NOT NULL,
    model_id        text,
    created_at      timestamptz NOT NULL
);

CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);
