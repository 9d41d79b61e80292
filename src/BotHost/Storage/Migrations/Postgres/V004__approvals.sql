-- Requests for a human decision, posted with Approve/Reject buttons. status: pending | approved | rejected | expired.
-- Only a SHA-256 of the button token's secret is kept. A decision is one conditional UPDATE (... AND status = 'pending'),
-- so of racing or replayed clicks exactly one wins. request_key makes creation idempotent for callers that give one.
CREATE TABLE approvals (
    id               uuid        NOT NULL PRIMARY KEY,
    request_key      text        UNIQUE,
    platform         text        NOT NULL,
    workspace        text        NOT NULL,
    channel          text        NOT NULL,
    thread           text        NOT NULL,
    reply_context    text        NOT NULL,
    summary          text        NOT NULL,
    requested_by     text        NOT NULL,
    token_hash       bytea       NOT NULL,
    status           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    posted_at        timestamptz,
    message_ids      text,
    decided_by_id    text,
    decided_by_name  text,
    decided_at       timestamptz,
    decided_platform text,
    decided_event_id text
);

CREATE INDEX ix_approvals_status ON approvals (status, created_at);
