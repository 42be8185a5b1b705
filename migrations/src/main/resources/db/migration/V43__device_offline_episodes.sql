-- Fleet status alerts (issue #8, tenants.devices.OfflineWatch): a device that has gone offline is alerted once
-- per episode. offline_since is the last_seen_at the device had when its DEVICE_OFFLINE alert was raised (NULL: no
-- open episode); once last_seen_at moves past it the device is back (DEVICE_BACK_ONLINE) and it is NULL again.
-- The watch asks across tenants by status and last seen, then for the open episodes: two indexes.
ALTER TABLE devices ADD COLUMN offline_since DATETIME(6) NULL;

CREATE INDEX ix_devices_status_seen ON devices (status, last_seen_at);
CREATE INDEX ix_devices_offline_since ON devices (offline_since);
-- the console sorts a tenant's fleet by last seen
CREATE INDEX ix_devices_tenant_seen ON devices (tenant_id, last_seen_at);
