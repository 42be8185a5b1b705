-- Declarations (customs.declaration, issue #6): one per cross-border order, the messages sent for it and the
-- receipts customs answered. The signed XML is kept as it was sent, sealed with the kernel PersonalDataCipher
-- (it carries the buyer's identity). A receipt's own guid is unique: a receipt delivered twice is recorded once.
CREATE TABLE declarations (
    id               CHAR(36)     NOT NULL,
    tenant_id        VARCHAR(36)  NOT NULL,
    order_no         VARCHAR(32)  NOT NULL,
    trade_mode       VARCHAR(8)   NOT NULL,
    status           VARCHAR(16)  NOT NULL,  -- DeclarationStatus
    order_leg        VARCHAR(16)  NOT NULL,  -- LegState of the order (CEB311) leg
    inventory_leg    VARCHAR(16)  NOT NULL,  -- LegState of the inventory list (CEB621) leg
    rejection_reason VARCHAR(1000) NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_declarations_order UNIQUE (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_declarations_tenant_status ON declarations (tenant_id, status);

CREATE TABLE declaration_messages (
    guid         CHAR(36)     NOT NULL,
    tenant_id    VARCHAR(36)  NOT NULL,
    order_no     VARCHAR(32)  NOT NULL,
    message_type VARCHAR(8)   NOT NULL,  -- CEB311, CEB621, CEB623, CEB625
    app_type     VARCHAR(1)   NOT NULL,  -- 1 new, 2 corrected
    xml_sealed   MEDIUMTEXT   NOT NULL,  -- unsigned until sent, then the exact signed XML; PersonalDataCipher text
    signed       BOOLEAN      NOT NULL DEFAULT FALSE,
    file_name    VARCHAR(128) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    sent_at      DATETIME(6)  NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (guid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_declaration_messages_order ON declaration_messages (tenant_id, order_no);

CREATE TABLE declaration_receipts (
    receipt_guid  VARCHAR(64)   NOT NULL,  -- the receipt file's own id (its CopMsgId, else a digest of the file)
    tenant_id     VARCHAR(36)   NOT NULL,
    message_guid  CHAR(36)      NOT NULL,
    order_no      VARCHAR(32)   NOT NULL,
    return_status INT           NOT NULL,
    return_time   DATETIME(6)   NOT NULL,
    return_info   VARCHAR(1000) NULL,
    received_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (receipt_guid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_declaration_receipts_message ON declaration_receipts (message_guid);
