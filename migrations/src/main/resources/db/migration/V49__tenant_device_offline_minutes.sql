-- Per-tenant offline threshold (issue #8 "offline for > N minutes -> alert", tenants.devices.OnlineWindow): after how
-- many minutes without a sighting a tenant's ACTIVE device counts as offline (fleet status, console, filters) and is
-- alerted (OfflineWatch). NULL: the platform's vitrine.devices.online-window (10 minutes). 5 to 1440, checked by
-- tenants.settings.Settings.
ALTER TABLE tenant_settings ADD COLUMN device_offline_minutes INT NULL;
