-- Catalog (catalog module, issue #4): the merchants' products with their cross-border attributes, and the
-- platform's positive list of HS codes. Instants are DATETIME(6) in UTC; money is whole fen (BIGINT);
-- rates are fractions (0.13 = 13%); customs decimals keep 5 places as in the CEB messages.

-- A merchant's SKU. Whether its HS code is on the positive list is not stored: it is derived when the
-- product is read, so it follows the list.
CREATE TABLE products (
    id                   CHAR(36)      NOT NULL,
    tenant_id            VARCHAR(36)   NOT NULL,
    sku                  VARCHAR(64)   NOT NULL,  -- the merchant's own code, unique per tenant; never changes
    gtin                 VARCHAR(13)   NULL,      -- EAN-8 / UPC-A / EAN-13 barcode, unique per tenant
    name_zh              VARCHAR(200)  NOT NULL,
    name_en              VARCHAR(200)  NULL,
    brand                VARCHAR(100)  NOT NULL,
    category_path        VARCHAR(300)  NOT NULL,  -- segments joined by '/', e.g. 母婴/奶粉/婴儿奶粉
    hs_code              CHAR(10)      NOT NULL,  -- customs gcode
    item_record_no       VARCHAR(32)   NULL,      -- required for the bonded modes 1210 and 1239
    origin_country       CHAR(3)       NOT NULL,  -- customs 3-digit country code
    unit                 CHAR(3)       NOT NULL,  -- declared unit (customs unit code)
    unit1                CHAR(3)       NOT NULL,  -- the HS code's first legal unit
    qty1_per_unit        DECIMAL(19, 5) NOT NULL, -- how many unit1 one declared unit is
    unit2                CHAR(3)       NULL,      -- the second legal unit, if the HS code has one
    qty2_per_unit        DECIMAL(19, 5) NULL,
    gross_weight_kg      DECIMAL(19, 5) NOT NULL,
    net_weight_kg        DECIMAL(19, 5) NOT NULL,
    vat_rate             DECIMAL(7, 6) NOT NULL,
    consumption_tax_rate DECIMAL(7, 6) NOT NULL,
    mfn_tariff_rate      DECIMAL(7, 6) NULL,      -- NULL: no general-trade exception for this product
    trade_mode           VARCHAR(8)    NOT NULL,  -- 1210, 1239, 9610, GENERAL
    warehouse_code       VARCHAR(32)   NOT NULL,  -- a bonded warehouse of the tenant's park
    price_fen            BIGINT        NOT NULL,  -- goods price; the tax is computed, never stored
    image_ids            VARCHAR(400)  NOT NULL,  -- stored files (category image) of the tenant, ',' separated
    description_zh       VARCHAR(4000) NULL,
    description_en       VARCHAR(4000) NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_products_tenant_sku UNIQUE (tenant_id, sku),
    CONSTRAINT uq_products_tenant_gtin UNIQUE (tenant_id, gtin)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The positive list (正面清单): platform-wide, replaced as a whole by the platform admin's upload.
CREATE TABLE positive_list (
    hs_code     CHAR(10)     NOT NULL,
    description VARCHAR(500) NULL,
    note        VARCHAR(500) NULL,
    PRIMARY KEY (hs_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per replacement of the list, written in the same transaction: the newest row (ids are
-- time-ordered) is the list's version, which every instance compares with the copy it holds in memory.
CREATE TABLE positive_list_imports (
    id          CHAR(36)    NOT NULL,
    entry_count INT         NOT NULL,
    imported_by VARCHAR(64) NOT NULL,
    imported_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
