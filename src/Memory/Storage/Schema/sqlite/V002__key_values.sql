-- Small named values per namespace (JSON text), optionally expiring; expires_at is unix ms.
CREATE TABLE memory_kv (
    ns         TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER,
    PRIMARY KEY (ns, key)
);
