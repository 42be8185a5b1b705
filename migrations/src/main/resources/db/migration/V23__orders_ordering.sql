-- Orders (issue #5, orders.ordering): what the shopper ordered, as customs will need it later, and who they are,
-- encrypted (architecture.md "Personal data"). Every personal field is kernel PersonalDataCipher text; blind
-- indexes (kernel BlindIndex) let the lookup and the rules match without decrypting. The order token is kept only
-- as its SHA-256; the ID number's last six characters only as a blind index salted with the order number.
CREATE TABLE orders (
    id                       CHAR(36)      NOT NULL,
    tenant_id                VARCHAR(36)   NOT NULL,
    order_no                 VARCHAR(32)   NOT NULL,
    store_code               VARCHAR(32)   NOT NULL,
    device_id                CHAR(36)      NULL,
    cart_ref                 CHAR(64)      NOT NULL,  -- SHA-256 of the cart id: one order per cart
    status                   VARCHAR(24)   NOT NULL,
    trade_mode               VARCHAR(8)    NOT NULL,
    warehouse_code           VARCHAR(32)   NOT NULL,
    taxation                 VARCHAR(32)   NOT NULL,
    goods_value_fen          BIGINT        NOT NULL,
    freight_fen              BIGINT        NOT NULL,
    insurance_fen            BIGINT        NOT NULL,
    discount_fen             BIGINT        NOT NULL,
    tax_fen                  BIGINT        NOT NULL,
    total_fen                BIGINT        NOT NULL,
    quota_fen                BIGINT        NOT NULL,  -- what the annual quota ledger holds for it; 0 duty-paid
    quota_year               SMALLINT      NULL,
    token_hash               CHAR(64)      NOT NULL,
    buyer_name               VARCHAR(512)  NULL,
    buyer_id_number          VARCHAR(512)  NULL,
    buyer_phone              VARCHAR(512)  NULL,
    buyer_id_index           CHAR(64)      NULL,
    buyer_id_last6_index     CHAR(64)      NULL,
    buyer_phone_index        CHAR(64)      NULL,
    consignee_name           VARCHAR(512)  NULL,
    consignee_phone          VARCHAR(512)  NULL,
    consignee_phone_index    CHAR(64)      NULL,
    consignee_district_code  CHAR(6)       NULL,
    consignee_address        VARCHAR(1024) NULL,
    consignee_address_index  CHAR(64)      NULL,
    pay_method               VARCHAR(16)   NOT NULL,
    payment_link             VARCHAR(4096) NULL,  -- the QR code's content or the wap redirect URL
    payment_expires_at       DATETIME(6)   NOT NULL,
    paid_at                  DATETIME(6)   NULL,
    paid_fen                 BIGINT        NULL,
    alipay_trade_no          VARCHAR(64)   NULL,
    refund_request_no        VARCHAR(64)   NULL,
    refunded_fen             BIGINT        NULL,
    placed_at                DATETIME(6)   NOT NULL,
    updated_at               DATETIME(6)   NOT NULL,
    version                  INT           NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_orders_order_no UNIQUE (order_no),
    CONSTRAINT uq_orders_cart UNIQUE (tenant_id, cart_ref)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_orders_tenant_placed ON orders (tenant_id, placed_at);
CREATE INDEX ix_orders_tenant_status ON orders (tenant_id, status, placed_at);
CREATE INDEX ix_orders_unpaid_due ON orders (status, payment_expires_at);

-- One row per ordered SKU: a snapshot of what customs will need (names, HS code, units, weights, values, tax).
CREATE TABLE order_lines (
    order_id             CHAR(36)      NOT NULL,
    line_no              INT           NOT NULL,
    tenant_id            VARCHAR(36)   NOT NULL,
    sku                  VARCHAR(64)   NOT NULL,
    gtin                 VARCHAR(14)   NULL,
    name_zh              VARCHAR(255)  NOT NULL,
    name_en              VARCHAR(255)  NULL,
    brand                VARCHAR(128)  NOT NULL,
    hs_code              VARCHAR(10)   NOT NULL,
    item_record_no       VARCHAR(64)   NULL,
    origin_country       VARCHAR(3)    NOT NULL,
    unit                 VARCHAR(3)    NOT NULL,
    unit1                VARCHAR(3)    NOT NULL,
    qty1_per_unit        DECIMAL(18,6) NOT NULL,
    unit2                VARCHAR(3)    NULL,
    qty2_per_unit        DECIMAL(18,6) NULL,
    gross_weight_kg      DECIMAL(12,4) NOT NULL,
    net_weight_kg        DECIMAL(12,4) NOT NULL,
    trade_mode           VARCHAR(8)    NOT NULL,
    quantity             INT           NOT NULL,
    unit_price_fen       BIGINT        NOT NULL,
    value_fen            BIGINT        NOT NULL,
    dutiable_value_fen   BIGINT        NOT NULL,
    tariff_fen           BIGINT        NOT NULL,
    consumption_tax_fen  BIGINT        NOT NULL,
    vat_fen              BIGINT        NOT NULL,
    PRIMARY KEY (order_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every status change (kind TRANSITION) and every event worth a line in the timeline without one (kind NOTE: a
-- wrong-amount notify, a refund).
CREATE TABLE order_status_history (
    id           CHAR(36)      NOT NULL,
    order_id     CHAR(36)      NOT NULL,
    tenant_id    VARCHAR(36)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    from_status  VARCHAR(24)   NULL,
    to_status    VARCHAR(24)   NOT NULL,
    happened_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    reason       VARCHAR(255)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_order_status_history_order ON order_status_history (order_id, happened_at);
