-- Corrections and cancellation (customs.declaration, issue #6): a CEB623 cancellation names the inventory list by
-- customs' own numbers, which only its receipts (CEB622) carry: keep them with each receipt.
ALTER TABLE declaration_receipts ADD COLUMN pre_no VARCHAR(64) NULL;
ALTER TABLE declaration_receipts ADD COLUMN invt_no VARCHAR(64) NULL;
