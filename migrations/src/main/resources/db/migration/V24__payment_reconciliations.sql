-- The daily Alipay bill reconciliation (orders.payment.reconciliation): one report per tenant and China day (the
-- latest run replaces the earlier one), with both sides' counts and sums, and every difference with both sides.
-- Amounts in fen. A FAILED run has no totals and keeps its reason in failure.
CREATE TABLE payment_reconciliations (
    id                  CHAR(36)      NOT NULL,
    tenant_id           VARCHAR(36)   NOT NULL,
    bill_day            DATE          NOT NULL,
    outcome             VARCHAR(16)   NOT NULL,  -- MATCHED, DIFFERENCES, FAILED
    ran_at              DATETIME(6)   NOT NULL,
    bill_account        VARCHAR(64)   NULL,
    bill_payments       INT           NULL,
    bill_payments_fen   BIGINT        NULL,
    bill_refunds        INT           NULL,
    bill_refunds_fen    BIGINT        NULL,
    our_payments        INT           NULL,
    our_payments_fen    BIGINT        NULL,
    our_refunds         INT           NULL,
    our_refunds_fen     BIGINT        NULL,
    matched             INT           NOT NULL,
    failure             VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_payment_reconciliations_day UNIQUE (tenant_id, bill_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;  -- the same collation as the differences' key

CREATE TABLE payment_reconciliation_differences (
    reconciliation_id   CHAR(36)      NOT NULL,
    line_no             INT           NOT NULL,
    tenant_id           VARCHAR(36)   NOT NULL,
    difference_kind     VARCHAR(24)   NOT NULL,  -- MISSING_AT_ALIPAY, MISSING_AT_OURS, AMOUNT_DIFFERS, ...
    entry_kind          VARCHAR(8)    NOT NULL,  -- PAYMENT, REFUND
    out_trade_no        VARCHAR(64)   NOT NULL,
    out_request_no      VARCHAR(64)   NULL,
    bill_trade_no       VARCHAR(64)   NULL,
    our_trade_no        VARCHAR(64)   NULL,
    bill_amount_fen     BIGINT        NULL,
    our_amount_fen      BIGINT        NULL,
    PRIMARY KEY (reconciliation_id, line_no),
    CONSTRAINT fk_payment_reconciliation_differences FOREIGN KEY (reconciliation_id)
        REFERENCES payment_reconciliations (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
