-- Store assortment (catalog module, issue #4): which of the merchant's SKUs each store's kiosks and display
-- shelves show. Replaced as a whole by the retailer admin.

-- One row per store that has had an assortment: replacements lock it, so two at once run one after the other.
CREATE TABLE store_assortments (
    id         CHAR(36)    NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    store_code VARCHAR(32) NOT NULL,
    sku_count  INT         NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(64) NOT NULL,  -- staff id
    PRIMARY KEY (id),
    CONSTRAINT uq_store_assortments_store UNIQUE (tenant_id, store_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE store_assortment_skus (
    id         CHAR(36)    NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    store_code VARCHAR(32) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_store_assortment_skus_item UNIQUE (tenant_id, store_code, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The search document asks which stores show a SKU.
CREATE INDEX ix_store_assortment_skus_sku ON store_assortment_skus (tenant_id, sku);
