-- Bonded stock (catalog module, issue #4): what each bonded warehouse of the park holds of a merchant's SKU,
-- the ledger of every change to it (the audit trail of stock), and checkout's reservations with expiry.
-- Instants are DATETIME(6) in UTC. Quantities are whole units (the product's declared unit).

-- One row per (tenant, warehouse, SKU) ever stocked. Writers lock the row (SELECT ... FOR UPDATE) and keep
-- 0 <= reserved <= on_hand; available = on_hand - reserved.
CREATE TABLE stock_levels (
    id             CHAR(36)    NOT NULL,
    tenant_id      VARCHAR(36) NOT NULL,
    warehouse_code VARCHAR(32) NOT NULL,  -- a bonded warehouse of the tenant's park
    sku            VARCHAR(64) NOT NULL,
    on_hand        BIGINT      NOT NULL,  -- units in the warehouse
    reserved       BIGINT      NOT NULL,  -- units held by ACTIVE reservations
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_stock_levels_item UNIQUE (tenant_id, warehouse_code, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stock_levels_sku ON stock_levels (tenant_id, sku);

-- Every change of on_hand, written in the transaction of the change. Append-only.
CREATE TABLE stock_ledger (
    id             CHAR(36)     NOT NULL,  -- time-ordered (UUIDv7)
    tenant_id      VARCHAR(36)  NOT NULL,
    warehouse_code VARCHAR(32)  NOT NULL,
    sku            VARCHAR(64)  NOT NULL,
    movement       VARCHAR(16)  NOT NULL,  -- COUNT (set), ADJUSTMENT, SALE (a committed reservation)
    delta          BIGINT       NOT NULL,
    on_hand_after  BIGINT       NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,  -- staff id or "system"
    actor_name     VARCHAR(64)  NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stock_ledger_item ON stock_ledger (tenant_id, warehouse_code, sku, id);

-- Stock held for a checkout, found by the caller's reference (the order number); idempotent per reference.
CREATE TABLE stock_reservations (
    id          CHAR(36)    NOT NULL,
    tenant_id   VARCHAR(36) NOT NULL,
    reference   VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,  -- ACTIVE, RELEASED, EXPIRED, COMMITTED
    expires_at  DATETIME(6) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    ended_at    DATETIME(6) NULL,      -- when it stopped being ACTIVE
    PRIMARY KEY (id),
    CONSTRAINT uq_stock_reservations_reference UNIQUE (tenant_id, reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The expiry round looks across tenants for ACTIVE reservations past their time.
CREATE INDEX ix_stock_reservations_due ON stock_reservations (status, expires_at);

CREATE TABLE stock_reservation_lines (
    id             CHAR(36)    NOT NULL,
    tenant_id      VARCHAR(36) NOT NULL,
    reservation_id CHAR(36)    NOT NULL,
    line_no        INT         NOT NULL,
    warehouse_code VARCHAR(32) NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    quantity       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_stock_reservation_lines_line UNIQUE (reservation_id, line_no),
    CONSTRAINT fk_stock_reservation_lines_reservation FOREIGN KEY (reservation_id) REFERENCES stock_reservations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
