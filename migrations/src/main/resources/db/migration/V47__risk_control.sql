-- Risk control (issue #9 "Park oversight"): owned by oversight.risk. Matching uses the orders' blind indexes
-- (keyed HMACs, architecture.md "Personal data"), never decrypted personal data; nothing here can be read back
-- into an ID number, a phone or an address.

-- One row per paid order screened before its declaration: what the park's rules match on. scope_id is the park
-- the tenant belongs to (a tenant of no park is its own scope), so one ID number buying at several members of a
-- park counts once across them.
CREATE TABLE risk_screenings (
    order_no                VARCHAR(32)  NOT NULL,
    tenant_id               VARCHAR(36)  NOT NULL,
    scope_id                VARCHAR(36)  NOT NULL,
    store_code              VARCHAR(32)  NOT NULL,
    buyer_id_index          VARCHAR(64)  NULL,
    consignee_phone_index   VARCHAR(64)  NULL,
    consignee_address_index VARCHAR(64)  NULL,
    price_fen               BIGINT       NOT NULL,
    paid_at                 DATETIME(6)  NOT NULL,
    identity_failed_at      DATETIME(6)  NULL,
    PRIMARY KEY (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_risk_screenings_buyer ON risk_screenings (scope_id, buyer_id_index, paid_at);
CREATE INDEX ix_risk_screenings_address ON risk_screenings (scope_id, consignee_address_index, paid_at);
CREATE INDEX ix_risk_screenings_phone ON risk_screenings (scope_id, consignee_phone_index, paid_at);
CREATE INDEX ix_risk_screenings_store ON risk_screenings (tenant_id, store_code, paid_at);

-- A held order waiting for review: the rules it matched and their evidence (counts and windows, no personal data).
-- One flag per order; OPEN until a park admin releases it to declaration or cancels it (refunded).
CREATE TABLE risk_flags (
    id           VARCHAR(36)   NOT NULL,
    tenant_id    VARCHAR(36)   NOT NULL,
    scope_id     VARCHAR(36)   NOT NULL,
    order_no     VARCHAR(32)   NOT NULL,
    store_code   VARCHAR(32)   NOT NULL,
    rules        VARCHAR(200)  NOT NULL,
    evidence     VARCHAR(1000) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    resolved_at  DATETIME(6)   NULL,
    resolved_by  VARCHAR(100)  NULL,
    note         VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_risk_flags_order UNIQUE (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_risk_flags_tenant ON risk_flags (tenant_id, status, created_at);

-- A park's settings of each rule (absent: the defaults in oversight.risk.RiskRule).
CREATE TABLE risk_rule_settings (
    scope_id      VARCHAR(36)  NOT NULL,
    rule_name     VARCHAR(32)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    threshold     INT          NOT NULL,
    window_hours  INT          NOT NULL,
    ratio_percent INT          NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    PRIMARY KEY (scope_id, rule_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
