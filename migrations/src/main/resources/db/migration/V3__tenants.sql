-- Tenancy (tenants module, issue #3): parks and their member merchants, bonded warehouses, stores,
-- staff accounts and invitations, merchant applications, the audit trail and tenant settings.
-- Instants are DATETIME(6) in UTC. Personal data (applicants' contacts) is stored encrypted by the
-- kernel's PersonalDataCipher (v1:<key>:<base64url>), equality matching through blind indexes.
-- Devices come in a later migration.

-- Every tenant: a park (comprehensive bonded zone) or a merchant (retailer, importer, brand) that
-- belongs to one park. Platform-wide by nature: a tenant's id IS the tenant_id of what it owns.
CREATE TABLE tenants (
    id                CHAR(36)     NOT NULL,
    kind              VARCHAR(16)  NOT NULL,  -- PARK, RETAILER, IMPORTER, BRAND
    slug              VARCHAR(40)  NOT NULL,  -- storefront path /s/{slug}; never changes
    name              VARCHAR(200) NOT NULL,
    legal_name        VARCHAR(200) NOT NULL,
    uscc              CHAR(18)     NOT NULL,  -- unified social credit code (GB 32100)
    customs_code      CHAR(10)     NOT NULL,  -- customs registration code (海关注册编码)
    customs_place     VARCHAR(100) NULL,      -- the supervising customs office
    customs_area_code VARCHAR(10)  NULL,      -- customs district (关区) code
    park_id           CHAR(36)     NULL,      -- the park of a merchant; NULL for a park
    status            VARCHAR(16)  NOT NULL,  -- ACTIVE, SUSPENDED
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenants_slug UNIQUE (slug),
    CONSTRAINT uq_tenants_uscc UNIQUE (uscc),
    CONSTRAINT fk_tenants_park FOREIGN KEY (park_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_tenants_park ON tenants (park_id, slug);

-- Bonded warehouses: platform-wide records registered by a park; its members stock goods in them.
CREATE TABLE bonded_warehouses (
    id            CHAR(36)     NOT NULL,
    park_id       CHAR(36)     NOT NULL,
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    ems_no        VARCHAR(32)  NOT NULL,  -- the account book (账册) number
    customs_code  VARCHAR(10)  NOT NULL,  -- supervising customs (关区) code
    area_code     VARCHAR(10)  NOT NULL,  -- the bonded area's code
    operator_uscc CHAR(18)     NOT NULL,  -- the warehouse operator
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_bonded_warehouses_park_code UNIQUE (park_id, code),
    CONSTRAINT fk_bonded_warehouses_park FOREIGN KEY (park_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stores of a merchant: bonded-display experience stores and convenience stores with kiosks.
CREATE TABLE stores (
    id             CHAR(36)      NOT NULL,
    tenant_id      VARCHAR(36)   NOT NULL,
    code           VARCHAR(32)   NOT NULL,  -- the merchant's own code, unique per tenant
    name           VARCHAR(200)  NOT NULL,
    kind           VARCHAR(24)   NOT NULL,  -- EXPERIENCE_STORE, CONVENIENCE_STORE
    address        VARCHAR(500)  NOT NULL,
    district_code  CHAR(6)       NOT NULL,  -- GB/T 2260 division
    lat            DECIMAL(9, 6) NULL,
    lng            DECIMAL(9, 6) NULL,
    warehouse_code VARCHAR(32)   NOT NULL,  -- a bonded warehouse of the tenant's park
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_stores_tenant_code UNIQUE (tenant_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff accounts, platform-wide like a directory: sign-in looks an account up by username before any
-- tenant is known. tenant_id is NULL only for PLATFORM_ADMIN.
CREATE TABLE staff_accounts (
    id              CHAR(36)     NOT NULL,
    tenant_id       VARCHAR(36)  NULL,
    username        VARCHAR(64)  NOT NULL,  -- stored lower case
    password_hash   VARCHAR(100) NOT NULL,  -- OpenBSD bcrypt ($2y$, cost in the hash)
    role            VARCHAR(24)  NOT NULL,  -- PLATFORM_ADMIN, PARK_ADMIN, RETAILER_ADMIN, STORE_MANAGER, CUSTOMS_OFFICER
    status          VARCHAR(16)  NOT NULL,  -- ACTIVE, DISABLED
    failed_attempts INT          NOT NULL DEFAULT 0,  -- consecutive failed sign-ins
    locked_until    DATETIME(6)  NULL,
    last_login_at   DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_staff_accounts_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_staff_accounts_tenant ON staff_accounts (tenant_id, username);

-- The stores a STORE_MANAGER (or another store-bound role) may see.
CREATE TABLE staff_store_scopes (
    id         CHAR(36)    NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    staff_id   CHAR(36)    NOT NULL,
    store_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_staff_store_scopes_staff_store UNIQUE (staff_id, store_code),
    CONSTRAINT fk_staff_store_scopes_staff FOREIGN KEY (staff_id) REFERENCES staff_accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_staff_store_scopes_tenant ON staff_store_scopes (tenant_id, store_code);

-- One-time invitations: every admin account starts from one. Only the token's SHA-256 is kept.
CREATE TABLE invitations (
    id          CHAR(36)    NOT NULL,
    tenant_id   VARCHAR(36) NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    role        VARCHAR(24) NOT NULL,
    username    VARCHAR(64) NULL,       -- set when the inviter chose it; else the invitee does
    store_codes VARCHAR(2000) NULL,     -- comma-separated, for store-bound roles
    created_by  CHAR(36)    NULL,       -- staff id; NULL when the system issued it
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    used_by     CHAR(36)    NULL,       -- the staff account it created
    PRIMARY KEY (id),
    CONSTRAINT uq_invitations_token_hash UNIQUE (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_invitations_tenant ON invitations (tenant_id, created_at);

-- A merchant's application to join a park; owned by the park (tenant_id = the park).
CREATE TABLE merchant_applications (
    id                  CHAR(36)     NOT NULL,
    tenant_id           VARCHAR(36)  NOT NULL,  -- the park applied to
    kind                VARCHAR(16)  NOT NULL,  -- RETAILER, IMPORTER, BRAND
    slug                VARCHAR(40)  NOT NULL,
    legal_name          VARCHAR(200) NOT NULL,
    uscc                CHAR(18)     NOT NULL,
    customs_code        CHAR(10)     NOT NULL,
    contact_name_enc    VARCHAR(512) NOT NULL,  -- encrypted
    contact_phone_enc   VARCHAR(512) NOT NULL,  -- encrypted
    contact_phone_index CHAR(64)     NOT NULL,  -- blind index (PHONE)
    email_enc           VARCHAR(512) NOT NULL,  -- encrypted
    token_hash          CHAR(64)     NOT NULL,  -- SHA-256 of the applicant's token
    status              VARCHAR(16)  NOT NULL,  -- SUBMITTED, APPROVED, REJECTED
    reject_reason       VARCHAR(1000) NULL,
    merchant_id         CHAR(36)     NULL,      -- the tenant created on approval
    submitted_at        DATETIME(6)  NOT NULL,
    decided_at          DATETIME(6)  NULL,
    decided_by          CHAR(36)     NULL,      -- staff id
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_merchant_applications_queue ON merchant_applications (tenant_id, status, submitted_at);
CREATE INDEX ix_merchant_applications_phone ON merchant_applications (contact_phone_index);

-- Documents of an application (business licence...): the bytes are in the kernel's FileStorage.
CREATE TABLE application_documents (
    id             CHAR(36)     NOT NULL,
    tenant_id      VARCHAR(36)  NOT NULL,  -- the park, as the application
    application_id CHAR(36)     NOT NULL,
    file_id        CHAR(36)     NOT NULL,
    category       VARCHAR(64)  NOT NULL,  -- licence
    filename       VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    uploaded_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_application_documents_application FOREIGN KEY (application_id) REFERENCES merchant_applications (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_application_documents_application ON application_documents (tenant_id, application_id);

-- Who did what, when: written in the transaction of the change itself. Append-only.
CREATE TABLE audit_events (
    id           CHAR(36)      NOT NULL,
    tenant_id    VARCHAR(36)   NULL,      -- the tenant the event concerns; NULL for platform-only events
    actor_id     VARCHAR(64)   NOT NULL,  -- staff id, "applicant:<application id>" or "system"
    actor_name   VARCHAR(64)   NULL,
    actor_role   VARCHAR(24)   NULL,
    action       VARCHAR(64)   NOT NULL,  -- PARK_CREATED, APPLICATION_APPROVED, ...
    subject_type VARCHAR(32)   NOT NULL,
    subject_id   VARCHAR(64)   NOT NULL,
    detail       VARCHAR(1000) NULL,      -- never personal data or secrets
    occurred_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_events_tenant ON audit_events (tenant_id, occurred_at);
CREATE INDEX ix_audit_events_subject ON audit_events (subject_type, subject_id);

-- Per-tenant settings (api.md "Tenants and onboarding"). Secrets are encrypted and never read back.
CREATE TABLE tenant_settings (
    id                     CHAR(36)      NOT NULL,
    tenant_id              VARCHAR(36)   NOT NULL,
    alipay_app_id          VARCHAR(32)   NULL,
    alipay_private_key_enc TEXT          NULL,  -- encrypted, write-only
    alipay_public_key      TEXT          NULL,
    alipay_auth_token_enc  VARCHAR(512)  NULL,  -- encrypted, write-only: app_auth_token (platform as ISV)
    customs_ebc_code       VARCHAR(18)   NULL,
    customs_ebc_name       VARCHAR(200)  NULL,
    customs_signer         VARCHAR(64)   NULL,
    freight_flat_fen       BIGINT        NULL,
    freight_free_above_fen BIGINT        NULL,
    return_freight_policy  VARCHAR(32)   NULL,
    logistics_provider     VARCHAR(64)   NULL,
    alert_webhook_url      VARCHAR(500)  NULL,
    updated_at             DATETIME(6)   NOT NULL,
    updated_by             CHAR(36)      NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenant_settings_tenant UNIQUE (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
