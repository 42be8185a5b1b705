-- Idempotency keys of creating POSTs (api.md "Conventions": the same key and body answer the same
-- result) and staff token revocation (a disabled account's tokens stop working at once).

-- One row per key a client sent, kept for vitrine.idempotency.retention (default 24h), shared by every
-- instance. The key is scoped by tenant and principal (staff id, device key or client address): only
-- a keyed HMAC of the three is kept, and of the request (method, target, body) only a keyed HMAC too,
-- because a body may carry a password. The answer may carry one-time secrets (invitation tokens,
-- pairing codes): it is kept as PersonalDataCipher text.
CREATE TABLE idempotency_keys (
    key_hash        CHAR(64)     NOT NULL,  -- HMAC of scope, principal and the client's key
    tenant_id       VARCHAR(36)  NULL,      -- the tenant the request acted for; NULL anonymous or platform
    request_hash    CHAR(64)     NOT NULL,  -- HMAC of method, target and body as received
    state           VARCHAR(16)  NOT NULL,  -- IN_FLIGHT, COMPLETED
    claim_token     CHAR(36)     NOT NULL,  -- the attempt that runs (or ran) the request
    claimed_until   DATETIME(6)  NOT NULL,  -- in flight: after this, a retry may take over (the attempt died)
    response_status INT          NULL,
    content_type    VARCHAR(255) NULL,
    response_body   MEDIUMTEXT   NULL,      -- encrypted (base64 of the bytes inside)
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_idempotency_keys_expiry ON idempotency_keys (expires_at);

-- Every staff JWT carries the generation of its account at sign-in; disabling the account or signing
-- out moves the generation on, so every token issued before stops working (checked per request).
ALTER TABLE staff_accounts ADD COLUMN token_generation INT NOT NULL DEFAULT 0;
