-- Bulk store import (issue #3 "Bulk provisioning"; tenants io.vitrine.tenants.stores.provisioning).
-- The devices an import creates get credentials that are handed out once, as the job's result file.
-- They are kept sealed (PersonalDataCipher text) from the batch that created the device until that one
-- download, or until they are purged (vitrine.stores.import.credentials-ttl): a job runs at least once,
-- so a second attempt must still hand out what the first attempt created.

-- One row per device an import created, written in the same transaction as the device.
CREATE TABLE issued_credentials (
    id                CHAR(36)     NOT NULL,
    tenant_id         VARCHAR(36)  NOT NULL,
    job_id            CHAR(36)     NOT NULL,
    row_no            BIGINT       NOT NULL,  -- the import file's row that asked for the device (header = 1)
    store_code        VARCHAR(32)  NOT NULL,
    device_key        VARCHAR(128) NOT NULL,
    kind              VARCHAR(16)  NOT NULL,  -- KIOSK (pairing code) or POS (secret)
    credential_sealed VARCHAR(512) NOT NULL,  -- PersonalDataCipher text of the secret or pairing code
    issued_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_issued_credentials_device UNIQUE (job_id, device_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_issued_credentials_issued ON issued_credentials (issued_at);

-- The sealed result file of a job (kernel FileStorage, category "credentials"), at most one per job: an
-- attempt that writes a new one deletes the one an earlier attempt left. Deleting this row is how a
-- download claims the file, so two downloads at once cannot both get it.
CREATE TABLE credential_files (
    job_id     CHAR(36)    NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    file_id    CHAR(36)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (job_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_credential_files_created ON credential_files (created_at);
