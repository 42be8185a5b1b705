-- The buyer's annual quota ledger (architecture.md "Tenancy": platform-wide, the limit is per person whatever the
-- store or tenant). One account per ID number's blind index and calendar year in China time: what open orders
-- reserve and what paid orders consume. Its row lock serialises one person's concurrent orders.
CREATE TABLE annual_quotas (
    buyer_index  CHAR(64)     NOT NULL,  -- kernel BlindIndex of the ID number, never the number itself
    quota_year   SMALLINT     NOT NULL,
    reserved_fen BIGINT       NOT NULL,
    consumed_fen BIGINT       NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (buyer_index, quota_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every change to an account, one per operation and reference: the unique key makes reserve / consume / release
-- (by order number) and reduce (by return number) idempotent. tenant_id says whose order it was (audit), it is no
-- filter.
CREATE TABLE annual_quota_movements (
    id           CHAR(36)     NOT NULL,
    movement     VARCHAR(16)  NOT NULL,  -- RESERVE, CONSUME, RELEASE, REDUCE
    reference    VARCHAR(64)  NOT NULL,  -- the order number; the return number for REDUCE
    order_no     VARCHAR(64)  NOT NULL,
    buyer_index  CHAR(64)     NOT NULL,
    quota_year   SMALLINT     NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_annual_quota_movements_ref UNIQUE (movement, reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_annual_quota_movements_order ON annual_quota_movements (order_no, movement);

-- Order numbers issued (architecture.md "Tenancy": unique platform-wide; the Alipay notify and customs receipts
-- carry no tenant). The primary key refuses a number twice, whichever tenant drew it; business_keys maps it to
-- its tenant.
CREATE TABLE order_numbers (
    order_no     VARCHAR(32)  NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    issued_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
