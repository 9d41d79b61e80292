-- version counts every write to a namespace; processes compare it to know when their in-memory vector index is stale.
CREATE TABLE memory_namespaces (
    ns      TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);

-- tags is a JSON object of string tags; time (unix ms) is the remembered thing's own time, used by filters.
CREATE TABLE memory_documents (
    ns              TEXT    NOT NULL REFERENCES memory_namespaces (ns),
    id              TEXT    NOT NULL,
    content_type    TEXT    NOT NULL,
    title           TEXT,
    link            TEXT,
    tags            TEXT    NOT NULL,
    time            INTEGER,
    embedding_model TEXT    NOT NULL,
    chunk_count     INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (ns, id)
);

CREATE INDEX memory_documents_updated ON memory_documents (ns, updated_at DESC);

-- vector is little-endian float32, as many as the embedding model has dimensions.
CREATE TABLE memory_chunks (
    id          INTEGER NOT NULL PRIMARY KEY,
    ns          TEXT    NOT NULL,
    document_id TEXT    NOT NULL,
    chunk_index INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    vector      BLOB    NOT NULL,
    FOREIGN KEY (ns, document_id) REFERENCES memory_documents (ns, id) ON DELETE CASCADE,
    UNIQUE (ns, document_id, chunk_index)
);

-- External-content FTS5 index over the chunks' text, kept in step by triggers (so a delete is one statement).
CREATE VIRTUAL TABLE memory_chunks_fts USING fts5 (text, content = 'memory_chunks', content_rowid = 'id');

CREATE TRIGGER memory_chunks_ai AFTER INSERT ON memory_chunks BEGIN
    INSERT INTO memory_chunks_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER memory_chunks_ad AFTER DELETE ON memory_chunks BEGIN
    INSERT INTO memory_chunks_fts (memory_chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
