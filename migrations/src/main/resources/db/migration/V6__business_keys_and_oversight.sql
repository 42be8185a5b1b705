-- Business keys (architecture.md "Tenancy"): which tenant an order number, return number, message guid...
-- belongs to. Platform-wide by nature: the Alipay notify and customs receipts name only the key. The
-- primary key makes a key one tenant's, whatever races. Compared exactly (utf8mb4_bin).
CREATE TABLE business_keys (
    kind         VARCHAR(24)  NOT NULL,  -- ORDER_NO, RETURN_NO, MESSAGE_GUID, ALIPAY_TRADE_NO, ...
    business_key VARCHAR(64)  NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (kind, business_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_business_keys_tenant ON business_keys (tenant_id, kind);

-- A park suspends or reinstates a member (issue #3 "Isolation": its oversight actions): why, and since
-- when. Who did it is in the audit trail.
ALTER TABLE tenants ADD COLUMN status_reason VARCHAR(500) NULL;
ALTER TABLE tenants ADD COLUMN status_changed_at DATETIME(6) NULL;
