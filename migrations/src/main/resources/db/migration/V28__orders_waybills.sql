-- Waybills (issue #6, orders.logistics): the logistics leg of an order, posted by the tenant's logistics partner
-- (a device-signed PARTNER device). One waybill per order; a waybill number is unique per logistics company across
-- the whole platform (customs matches the three documents by it). shipped_at / delivered_at are the times the
-- partner reported, as it reported them.
CREATE TABLE order_waybills (
    order_id        CHAR(36)      NOT NULL,
    tenant_id       VARCHAR(36)   NOT NULL,
    order_no        VARCHAR(32)   NOT NULL,
    logistics_code  VARCHAR(18)   NOT NULL,  -- customs registration code (10) or USCC (18)
    logistics_name  VARCHAR(100)  NOT NULL,
    logistics_no    VARCHAR(60)   NOT NULL,
    device_key      VARCHAR(128)  NOT NULL,  -- the partner device that posted it
    assigned_at     DATETIME(6)   NOT NULL,
    shipped_at      DATETIME(6)   NULL,
    delivered_at    DATETIME(6)   NULL,
    PRIMARY KEY (order_id),
    CONSTRAINT uq_order_waybills_order_no UNIQUE (order_no),
    CONSTRAINT uq_order_waybills_logistics UNIQUE (logistics_code, logistics_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_order_waybills_tenant ON order_waybills (tenant_id, order_no);
