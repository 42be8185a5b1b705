-- The payment leg of a declaration (customs.declaration, issue #6): the payment company's declaration of the
-- order's payment to customs (Alipay's alipay.trade.customs.declare). One row per order, written before Alipay is
-- called, so every attempt — and every query after an unknown outcome — names the same out_request_no and a
-- payment is never declared twice blindly.
CREATE TABLE declaration_payments (
    tenant_id          VARCHAR(36)  NOT NULL,
    order_no           VARCHAR(32)  NOT NULL,
    out_request_no     VARCHAR(32)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,  -- PaymentDeclaration.State: PREPARED, UNKNOWN, ACCEPTED, REJECTED
    alipay_declare_no  VARCHAR(64)  NULL,
    pay_code           VARCHAR(32)  NULL,
    pay_transaction_id VARCHAR(64)  NULL,
    ver_dept           VARCHAR(8)   NULL,
    identity_check     VARCHAR(1)   NULL,      -- T, F, or NULL when Alipay did not say
    attempts           INT          NOT NULL DEFAULT 0,
    last_error         VARCHAR(500) NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (order_no),
    CONSTRAINT uq_declaration_payments_request UNIQUE (out_request_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_declaration_payments_tenant_status ON declaration_payments (tenant_id, status);
