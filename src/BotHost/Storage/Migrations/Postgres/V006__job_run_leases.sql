-- Which process runs a recurring job in the current period, when several BotHost processes share this database
-- (Scheduling/PostgresJobRunLease). SQLite has one process per file and needs no lease.
CREATE TABLE job_run_leases (
    job_name     text        NOT NULL PRIMARY KEY,
    holder       text        NOT NULL,
    leased_until timestamptz NOT NULL
);
