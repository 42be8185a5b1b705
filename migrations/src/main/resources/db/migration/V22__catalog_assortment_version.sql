-- Store assortment (catalog module, issue #4): a version per store's list, raised by every change, so a retailer
-- who saves a list read at an older version is refused (409) instead of silently undoing a colleague's change.
ALTER TABLE store_assortments ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
