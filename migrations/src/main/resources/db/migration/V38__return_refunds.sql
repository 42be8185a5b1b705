-- Returns received and refunded (issue #7, orders.returns): one row per return whose goods are back at the bonded
-- site, written with the status GOODS_RECEIVED in one transaction. It keeps the refund's parts as worked out then
-- (the returned lines' goods and tax, the freight by the tenant's return freight policy) and the quota reduction, so
-- every retry of the Alipay refund (out_request_no = the return number) asks for the same amount.
CREATE TABLE return_refunds (
    return_id     CHAR(36)     NOT NULL,
    tenant_id     VARCHAR(36)  NOT NULL,
    return_no     VARCHAR(32)  NOT NULL,
    order_no      VARCHAR(32)  NOT NULL,
    goods_fen     BIGINT       NOT NULL,
    tax_fen       BIGINT       NOT NULL,
    freight_fen   BIGINT       NOT NULL,
    quota_fen     BIGINT       NOT NULL,  -- what the buyer's annual quota was reduced by
    received_at   DATETIME(6)  NOT NULL,
    received_by   VARCHAR(64)  NOT NULL,  -- a staff id, or device:<deviceKey> of the warehouse partner
    refunded_at   DATETIME(6)  NULL,      -- when Alipay confirmed the refund
    PRIMARY KEY (return_id),
    CONSTRAINT uq_return_refunds_return_no UNIQUE (return_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The expiry round looks for open returns by status and release time across tenants.
CREATE INDEX ix_order_returns_status_released ON order_returns (status, released_at);
