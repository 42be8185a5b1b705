-- Alerts (tenants.alerts): what a shop's staff must look at — a payment of the wrong amount, later customs
-- rejections, dark devices... One row per (tenant, kind, subject): the same alert raised again (a replayed notify)
-- is not a second alert. details: a small JSON object of codes and numbers, never personal data.
-- The webhook delivery (the tenant's alertWebhookUrl, through the outbox) is recorded on the row.
CREATE TABLE alerts (
    id                  CHAR(36)      NOT NULL,
    tenant_id           VARCHAR(36)   NOT NULL,
    kind                VARCHAR(64)   NOT NULL,  -- a stable code, e.g. PAYMENT_AMOUNT_MISMATCH
    severity            VARCHAR(16)   NOT NULL,  -- INFO, WARNING, CRITICAL
    subject             VARCHAR(128)  NOT NULL,  -- what it is about, e.g. the order number
    message             VARCHAR(500)  NOT NULL,
    details             VARCHAR(4000) NULL,
    occurred_at         DATETIME(6)   NOT NULL,
    delivery            VARCHAR(16)   NOT NULL,  -- PENDING, DELIVERED, NO_WEBHOOK, REFUSED
    delivery_attempts   INT           NOT NULL DEFAULT 0,
    delivered_at        DATETIME(6)   NULL,
    last_delivery_error VARCHAR(500)  NULL,
    acknowledged_at     DATETIME(6)   NULL,
    acknowledged_by     VARCHAR(36)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_alerts_subject UNIQUE (tenant_id, kind, subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_alerts_tenant_occurred ON alerts (tenant_id, occurred_at);
