-- Bonded display ledger (issue #9, io.vitrine.oversight.display): goods leave a park's bonded warehouse for display
-- at a retailer's store under a guarantee; display samples sold are declared (an order), unsold ones return.
-- One account per (tenant, store, bonded warehouse), with its guarantee and display period (China dates).
CREATE TABLE display_accounts (
    id                   CHAR(36)     NOT NULL,
    tenant_id            VARCHAR(36)  NOT NULL,
    park_id              VARCHAR(36)  NOT NULL,  -- the tenant's park, so the park reads its members' accounts
    store_code           VARCHAR(32)  NOT NULL,
    warehouse_code       VARCHAR(32)  NOT NULL,  -- a bonded warehouse of the park
    guarantee_fen        BIGINT       NOT NULL,  -- the guarantee's amount (kernel Money, fen)
    guarantee_reference  VARCHAR(64)  NOT NULL,  -- the guarantee's (bank letter, deposit) reference
    guarantee_expires_on DATE         NOT NULL,  -- last day it holds, China date
    display_from         DATE         NOT NULL,  -- the display period, China dates, both inclusive
    display_to           DATE         NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_display_accounts_store UNIQUE (tenant_id, store_code, warehouse_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_display_accounts_park ON display_accounts (park_id, tenant_id);

-- What an account has out per SKU: out - sold - returned = on_display, never below zero (checked under this row's
-- lock, and by the CHECK where the database enforces it).
CREATE TABLE display_balances (
    account_id   CHAR(36)     NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    out_qty      BIGINT       NOT NULL,
    sold_qty     BIGINT       NOT NULL,
    returned_qty BIGINT       NOT NULL,
    on_display   BIGINT       NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, sku),
    CONSTRAINT ck_display_balances_on_display CHECK (on_display >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every movement, once: the client's movement key is unique per tenant (a retry answers the first movement).
CREATE TABLE display_movements (
    id               CHAR(36)     NOT NULL,
    tenant_id        VARCHAR(36)  NOT NULL,
    account_id       CHAR(36)     NOT NULL,
    movement_key     VARCHAR(64)  NOT NULL,  -- chosen by the client, [A-Za-z0-9._:-]{1,64}
    kind             VARCHAR(20)  NOT NULL,  -- OUT_FOR_DISPLAY, SOLD_DECLARED, RETURNED_TO_ZONE
    sku              VARCHAR(64)  NOT NULL,
    quantity         BIGINT       NOT NULL,  -- units, always positive
    order_no         VARCHAR(32)  NULL,      -- SOLD_DECLARED: the declared order
    note             VARCHAR(500) NULL,
    on_display_after BIGINT       NOT NULL,
    actor_id         VARCHAR(64)  NOT NULL,
    actor_name       VARCHAR(64)  NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_display_movements_key UNIQUE (tenant_id, movement_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_display_movements_account ON display_movements (account_id, occurred_at);
CREATE INDEX ix_display_movements_order ON display_movements (tenant_id, order_no, sku);
