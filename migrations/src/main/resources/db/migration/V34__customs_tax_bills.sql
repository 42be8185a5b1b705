-- Electronic tax bills (CEB816) customs raises for released inventory lists (customs.tax, issue #6), reconciled
-- against the tax each order collected. One row per bill number (taxNo): a bill delivered twice is recorded once, a
-- later status of the same bill (2 summarised, 3 void) replaces the earlier one. The tenant and order come from the
-- inventory list number (invtNo) our receipts carried; a bill naming an inventory list we never heard of is kept
-- with no tenant and no order: the reconciliation lists it for the tenant whose customs ebcCode it names.
CREATE TABLE customs_tax_bills (
    tax_no               VARCHAR(64)  NOT NULL,
    bill_guid            VARCHAR(64)  NOT NULL,  -- TaxHeadRd.guid
    message_guid         VARCHAR(64)  NOT NULL,  -- the CEB816 message's guid (or receipt file id)
    tenant_id            VARCHAR(36)  NULL,
    order_no             VARCHAR(32)  NULL,
    invt_no              VARCHAR(64)  NOT NULL,
    ebc_code             VARCHAR(32)  NULL,
    customs_tax_fen      BIGINT       NOT NULL,
    value_added_tax_fen  BIGINT       NOT NULL,
    consumption_tax_fen  BIGINT       NOT NULL,
    status               VARCHAR(1)   NOT NULL,  -- 1 generated, 2 summarised, 3 void
    return_time          DATETIME(6)  NOT NULL,
    received_at          DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (tax_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_customs_tax_bills_tenant_time ON customs_tax_bills (tenant_id, return_time);
CREATE INDEX ix_customs_tax_bills_invt ON customs_tax_bills (invt_no);

-- The inventory list number customs gave (CEB622 and later receipts carry it): how a tax bill finds its order.
-- declaration_receipts.invt_no (customs' inventory list number, how a bill finds its order) came with V32.
CREATE INDEX ix_declaration_receipts_invt ON declaration_receipts (invt_no);
