-- Transactional outbox (kernel io.vitrine.kernel.outbox) and ShedLock's job lock table.

-- One row per event, written in the same transaction as the change that caused it.
CREATE TABLE outbox_events (
    id           CHAR(36)     NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    tenant_id    VARCHAR(36)  NULL,       -- NULL for platform-wide events
    business_key VARCHAR(128) NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,   -- JSON; kept as text because H2 and MySQL disagree on JSON functions
    occurred_at  DATETIME(6)  NOT NULL,   -- UTC
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per (event, listener), created with the event: a failing listener is retried on its
-- own and never causes a redelivery to the others. Claimed with SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_deliveries (
    event_id        CHAR(36)      NOT NULL,
    listener        VARCHAR(100)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,             -- PENDING, DONE, DEAD
    attempts        INT           NOT NULL DEFAULT 0,   -- claims so far
    next_attempt_at DATETIME(6)   NOT NULL,             -- due time, or end of the current claim's lease
    last_error      VARCHAR(2000) NULL,
    done_at         DATETIME(6)   NULL,
    PRIMARY KEY (event_id, listener),
    CONSTRAINT fk_outbox_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_outbox_deliveries_due ON outbox_deliveries (status, next_attempt_at);

-- Listener idempotency: inserted in the same transaction as the listener's effects.
CREATE TABLE processed_events (
    listener     VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (listener, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ShedLock (jobs that must run on one instance at a time), its documented MySQL layout.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
