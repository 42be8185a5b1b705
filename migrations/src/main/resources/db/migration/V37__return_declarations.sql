-- Returns' customs side (customs.declaration, issue #7): which CEB625 (kept with the order's other messages in
-- declaration_messages) asks customs for which return. One return request per return: a redelivered approval finds it.
CREATE TABLE return_declarations (
    return_no    VARCHAR(32) NOT NULL,
    tenant_id    VARCHAR(36) NOT NULL,
    order_no     VARCHAR(32) NOT NULL,
    message_guid CHAR(36)    NOT NULL,
    PRIMARY KEY (return_no),
    CONSTRAINT uq_return_declarations_message UNIQUE (message_guid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
