-- version counts every write to a namespace; processes compare it to know when their in-memory vector index is stale.
CREATE TABLE memory_namespaces (
    ns      text   NOT NULL PRIMARY KEY,
    version bigint NOT NULL
);

-- time is the remembered thing's own time, used by filters.
CREATE TABLE memory_documents (
    ns              text        NOT NULL REFERENCES memory_namespaces (ns),
    id              text        NOT NULL,
    content_type    text        NOT NULL,
    title           text,
    link            text,
    tags            jsonb       NOT NULL,
    time            timestamptz,
    embedding_model text        NOT NULL,
    chunk_count     integer     NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (ns, id)
);

CREATE INDEX memory_documents_updated ON memory_documents (ns, updated_at DESC);

-- No pgvector here: vectors are real[] and searched in process. The 'simple' configuration matches SQLite's
-- unicode61 tokenizer (lower-case words, no stemming), so both backends rank the same words.
CREATE TABLE memory_chunks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ns          text    NOT NULL,
    document_id text    NOT NULL,
    chunk_index integer NOT NULL,
    text        text    NOT NULL,
    vector      real[]  NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
    FOREIGN KEY (ns, document_id) REFERENCES memory_documents (ns, id) ON DELETE CASCADE,
    UNIQUE (ns, document_id, chunk_index)
);

CREATE INDEX memory_chunks_tsv ON memory_chunks USING gin (tsv);
