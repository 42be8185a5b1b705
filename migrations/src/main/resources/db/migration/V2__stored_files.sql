-- Uploaded files kept in the database (vitrine.files.backend=database, cluster mode): every
-- instance sees every file. Content size is bounded per category by configuration; the server's
-- max_allowed_packet (16 MiB by default on MariaDB 10.11 and 64 MiB on MySQL 8) must exceed it.
CREATE TABLE stored_files (
    id           CHAR(36)     NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    category     VARCHAR(64)  NOT NULL,
    filename     VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,   -- UTC
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_stored_files_tenant_category ON stored_files (tenant_id, category);
