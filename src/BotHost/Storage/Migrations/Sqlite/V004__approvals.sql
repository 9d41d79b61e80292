-- Requests for a human decision, posted with Approve/Reject buttons. status: pending | approved | rejected | expired.
-- Only a SHA-256 of the button token's secret is kept. A decision is one conditional UPDATE (... AND status = 'pending'),
-- so of racing or replayed clicks exactly one wins. request_key makes creation idempotent for callers that give one.
CREATE TABLE approvals (
    id               TEXT    NOT NULL PRIMARY KEY,
    request_key      TEXT    UNIQUE,
    platform         TEXT    NOT NULL,
    workspace        TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    thread           TEXT    NOT NULL,
    reply_context    TEXT    NOT NULL,
    summary          TEXT    NOT NULL,
    requested_by     TEXT    NOT NULL,
    token_hash       BLOB    NOT NULL,
    status           TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    posted_at        INTEGER,
    message_ids      TEXT,
    decided_by_id    TEXT,
    decided_by_name  TEXT,
    decided_at       INTEGER,
    decided_platform TEXT,
    decided_event_id TEXT
);

CREATE INDEX ix_approvals_status ON approvals (status, created_at);
