-- Small named values per namespace (JSON text), optionally expiring.
CREATE TABLE memory_kv (
    ns         text        NOT NULL,
    key        text        NOT NULL,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL,
    expires_at timestamptz,
    PRIMARY KEY (ns, key)
);
