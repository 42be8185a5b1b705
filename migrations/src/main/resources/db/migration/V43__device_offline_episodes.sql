-- Fleet status alerts (issue #8, tenants.devices.OfflineWatch): a device that has gone offline is alerted once
-- per episode. offline_since is the last_seen_at the device had when its DEVICE_OFFLINE alert was raised (NULL: no
-- open episode); once last_seen_at moves past it the device is back (DEVICE_BACK_ONLINE) and it is NULL again.
ALTER TABLE devices ADD COLUMN offline_since DATETIME(6) NULL;

-- the watch, across tenants: ACTIVE devices without an open episode last seen before the window (one range) ...
CREATE INDEX ix_devices_watch ON devices (status, offline_since, last_seen_at);
-- ... and the open episodes
CREATE INDEX ix_devices_offline_since ON devices (offline_since);
-- the console sorts a tenant's fleet by last seen
CREATE INDEX ix_devices_tenant_seen ON devices (tenant_id, last_seen_at);
