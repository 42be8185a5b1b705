-- POS catalog feed and event ledger, issue #8's remainder (pos-integration README "Where changes come from",
-- "Retention").

-- A change log entry may concern one store only: its assortment gained or lost the SKU, or the store moved to
-- another warehouse (every SKU of its shelf is told again, with the new warehouse's stock). NULL: not store-scoped.
ALTER TABLE pos_catalog_changes ADD COLUMN store_code VARCHAR(32) NULL;

-- The pruning horizon per tenant: entries numbered at or below it are deleted (or being deleted). Raised and
-- committed before the deletes, so a device whose cursor is below it is told to bootstrap again (410
-- CURSOR_EXPIRED) rather than skip what was deleted.
ALTER TABLE pos_catalog_sequences ADD COLUMN pruned_through BIGINT NOT NULL DEFAULT 0;

-- the retention job finds old entries across tenants
CREATE INDEX ix_pos_catalog_changes_recorded ON pos_catalog_changes (recorded_at);

-- the retention job deletes the ledger by type (heartbeats sooner) and age of the event
CREATE INDEX ix_pos_events_type_occurred ON pos_events (event_type, occurred_at);
