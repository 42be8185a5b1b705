-- Photos a shopper (or the counter's staff) attaches to a return while it is REQUESTED (issue #7, orders.returns
-- ReturnPhotos): the bytes live in the file storage (category return-photo, under its generated id, never the
-- client's name); this row ties the file to the return, at most 5 per return (counted under the return's row lock).
CREATE TABLE return_photos (
    file_id       CHAR(36)     NOT NULL,
    tenant_id     VARCHAR(36)  NOT NULL,
    return_no     VARCHAR(32)  NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,  -- established from the bytes: image/jpeg, image/png, image/webp
    size_bytes    BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    added_by      VARCHAR(64)  NOT NULL,  -- shopper, or the staff id at the counter
    PRIMARY KEY (file_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_return_photos_return ON return_photos (tenant_id, return_no, created_at);
