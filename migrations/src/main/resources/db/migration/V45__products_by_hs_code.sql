-- A positive-list change concerns every tenant's products with the HS codes that came or went (catalog's
-- EligibilityFanOut reads them across tenants by code).
CREATE INDEX ix_products_hs_code ON products (hs_code);
