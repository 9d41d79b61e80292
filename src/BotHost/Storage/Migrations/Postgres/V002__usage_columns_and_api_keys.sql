ALTER TABLE messages
    ADD COLUMN prompt_tokens     integer,
    ADD COLUMN completion_tokens integer,
    ADD COLUMN latency_ms        integer;

-- secret_hash is SHA-256 of the key's secret part; the key itself is never stored.
CREATE TABLE api_keys (
    id           text        NOT NULL PRIMARY KEY,
    name         text        NOT NULL,
    scopes       text        NOT NULL,
    secret_hash  bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
