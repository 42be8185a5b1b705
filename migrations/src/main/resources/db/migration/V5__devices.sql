-- Devices of a merchant (issue #3): kiosks (browsers, paired once with a one-time code), POS systems
-- and partners (sign every request with their secret). device_key is unique platform-wide: a signed
-- request names only its key, and the key's row names the tenant.
CREATE TABLE devices (
    id                CHAR(36)     NOT NULL,
    tenant_id         VARCHAR(36)  NOT NULL,
    device_key        VARCHAR(128) NOT NULL,  -- dk_ + base32, fits [A-Za-z0-9][A-Za-z0-9._-]{0,127}
    kind              VARCHAR(16)  NOT NULL,  -- KIOSK, POS, PARTNER
    store_code        VARCHAR(32)  NULL,      -- NULL only for PARTNER (bound to the tenant)
    secret_encrypted  VARCHAR(512) NULL,      -- PersonalDataCipher text; POS and PARTNER only
    pairing_code_hash CHAR(64)     NULL,      -- SHA-256 hex of the one-time code; KIOSK until paired
    kiosk_token_hash  CHAR(64)     NULL,      -- SHA-256 hex of a paired kiosk's device cookie
    status            VARCHAR(16)  NOT NULL,  -- PENDING_PAIRING, ACTIVE, REVOKED
    last_seen_at      DATETIME(6)  NULL,
    app_version       VARCHAR(64)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    rotated_at        DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_devices_device_key UNIQUE (device_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_devices_tenant_store ON devices (tenant_id, store_code);
CREATE INDEX ix_devices_kiosk_token ON devices (kiosk_token_hash);
