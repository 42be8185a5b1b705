-- POS catalog delta feed (pos-integration module, issue #8): a per-tenant log of which SKUs changed, fed by the
-- catalog's outbox events, read by every store's devices as "changes since my cursor".

-- One row per tenant: the last sequence number handed out. A writer raises it (UPDATE ... last_seq = last_seq + n,
-- which locks the row) in the transaction that inserts its log rows, so sequence numbers commit in order and the
-- committed value is the feed's visibility watermark: every row at or below it is committed.
CREATE TABLE pos_catalog_sequences (
    tenant_id VARCHAR(36) NOT NULL,
    last_seq  BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: "this SKU may have changed" (product, price, assortment, stock). A row names no state: the feed
-- reads the SKU as it is now. warehouse_code scopes a stock change to the stores served from that warehouse;
-- NULL concerns every store.
CREATE TABLE pos_catalog_changes (
    tenant_id      VARCHAR(36) NOT NULL,
    seq            BIGINT      NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    warehouse_code VARCHAR(32) NULL,
    recorded_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
