-- Product images (catalog module, issue #4): an uploaded original kept in the file storage (category `image`)
-- and the thumbnails made from it at upload (category `image-rendition`), with their dimensions. The image's id
-- is its original's stored-file id, which products list in `products.image_ids`.
CREATE TABLE catalog_images (
    id             CHAR(36)     NOT NULL,  -- the original's stored-file id
    tenant_id      VARCHAR(36)  NOT NULL,
    content_type   VARCHAR(100) NOT NULL,  -- of the original, as its bytes say (image/png, image/jpeg)
    width          INT          NOT NULL,
    height         INT          NOT NULL,
    thumb_file_id  CHAR(36)     NOT NULL,  -- 320 px on the long side (never enlarged)
    thumb_width    INT          NOT NULL,
    thumb_height   INT          NOT NULL,
    medium_file_id CHAR(36)     NOT NULL,  -- 800 px on the long side (never enlarged)
    medium_width   INT          NOT NULL,
    medium_height  INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,  -- staff id, or system for seeded images
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_catalog_images_tenant ON catalog_images (tenant_id, created_at);
