-- Returns (issue #7, orders.returns): a shopper's or the counter's request to send released goods back
-- (domain.md "Returns": within 30 days of release). Return numbers are unique across the platform, like order
-- numbers (customs' CEB625 receipts carry no tenant): return_numbers' primary key refuses a number twice.
CREATE TABLE return_numbers (
    return_no    VARCHAR(32)  NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    issued_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (return_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per return: its status (orders.returns.ReturnStatus), who opened it (SHOPPER with the order's token, or
-- COUNTER: a staff id), the shopper's reason, and the retailer's decision.
CREATE TABLE order_returns (
    id                CHAR(36)      NOT NULL,
    tenant_id         VARCHAR(36)   NOT NULL,
    return_no         VARCHAR(32)   NOT NULL,
    order_id          CHAR(36)      NOT NULL,
    order_no          VARCHAR(32)   NOT NULL,
    store_code        VARCHAR(32)   NOT NULL,
    status            VARCHAR(24)   NOT NULL,
    reason            VARCHAR(500)  NOT NULL,
    channel           VARCHAR(16)   NOT NULL,  -- SHOPPER or COUNTER
    opened_by         VARCHAR(64)   NOT NULL,  -- 'shopper' or the staff id
    requested_at      DATETIME(6)   NOT NULL,
    released_at       DATETIME(6)   NOT NULL,  -- the order's release, which the 30/45-day windows count from
    decided_at        DATETIME(6)   NULL,
    decided_by        VARCHAR(64)   NULL,
    rejection_reason  VARCHAR(500)  NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           INT           NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_order_returns_return_no UNIQUE (return_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_order_returns_tenant_status ON order_returns (tenant_id, status, requested_at);
CREATE INDEX ix_order_returns_order ON order_returns (order_id, status);

-- The returned lines: which order line, how many, and the line's values as sold (a snapshot of order_lines), so
-- the refund's share of goods and tax never depends on anything that changes later.
CREATE TABLE order_return_lines (
    return_id          CHAR(36)      NOT NULL,
    line_no            INT           NOT NULL,  -- the order line's number (CEB625 gnum)
    tenant_id          VARCHAR(36)   NOT NULL,
    sku                VARCHAR(64)   NOT NULL,
    quantity           INT           NOT NULL,
    ordered_quantity   INT           NOT NULL,
    unit_price_fen     BIGINT        NOT NULL,
    line_value_fen     BIGINT        NOT NULL,
    line_tax_fen       BIGINT        NOT NULL,
    PRIMARY KEY (return_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
