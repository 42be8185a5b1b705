-- Bonded display ledger, issue #9's remainder (oversight README "Closing an account", "Sales at the POS").

-- A closed account: every unit back in the zone or sold and declared, the guarantee released (the day and the
-- release's reference, e.g. the bank's discharge letter). NULL while the account is open; a closed account takes
-- no movements and raises no expiry alerts.
ALTER TABLE display_accounts ADD COLUMN closed_at DATETIME(6) NULL;
ALTER TABLE display_accounts ADD COLUMN guarantee_released_on DATE NULL;
ALTER TABLE display_accounts ADD COLUMN guarantee_release_reference VARCHAR(64) NULL;

-- Units a store's POS sold off display that no declared order covers yet (SOLD_AT_POS movements, settled by the
-- next SOLD_DECLARED of the SKU): on_display = out - sold - returned - pending_qty.
ALTER TABLE display_balances ADD COLUMN pending_qty BIGINT NOT NULL DEFAULT 0;
