-- Background jobs (kernel io.vitrine.kernel.jobs): imports, exports, reindexing.

-- One row per job, inserted in the transaction that accepted the work. Runners claim due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, lease them, and renew the lease while the handler runs.
CREATE TABLE jobs (
    id             CHAR(36)      NOT NULL,
    tenant_id      VARCHAR(36)   NOT NULL,
    kind           VARCHAR(64)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,             -- QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    total_count    BIGINT        NULL,                 -- unknown until the handler says
    done_count     BIGINT        NOT NULL DEFAULT 0,
    failed_count   BIGINT        NOT NULL DEFAULT 0,
    error_count    BIGINT        NOT NULL DEFAULT 0,   -- every error recorded; job_errors keeps the first ones
    created_by     VARCHAR(100)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,             -- UTC, like every instant here
    started_at     DATETIME(6)   NULL,                 -- start of the current (last) attempt
    finished_at    DATETIME(6)   NULL,
    lease_until    DATETIME(6)   NOT NULL,             -- QUEUED: not before; RUNNING: end of the runner's lease
    attempts       INT           NOT NULL DEFAULT 0,   -- claims so far
    input_file_id  CHAR(36)      NULL,                 -- kernel FileStorage, same tenant
    parameters     VARCHAR(2000) NULL,                 -- the handler's own small options (text)
    result_file_id CHAR(36)      NULL,
    message        VARCHAR(2000) NULL,                 -- outcome for people: summary or failure
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_jobs_due ON jobs (status, lease_until);
CREATE INDEX ix_jobs_tenant_created ON jobs (tenant_id, created_at);

-- Per-row errors of a job's current attempt (row, field, rule), capped per job by configuration.
CREATE TABLE job_errors (
    job_id     CHAR(36)     NOT NULL,
    seq        INT          NOT NULL,   -- order of recording, from 1
    row_no     BIGINT       NULL,       -- the input's row number (header = 1), if the error is about a row
    field_name VARCHAR(100) NULL,
    message    VARCHAR(500) NOT NULL,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT fk_job_errors_job FOREIGN KEY (job_id) REFERENCES jobs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
