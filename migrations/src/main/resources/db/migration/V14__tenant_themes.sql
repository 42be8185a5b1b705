-- Per-tenant storefront theme (issue #4, tenants.themes): variables only, never template code.
-- One row per tenant; no row means the default theme. version moves on every change and busts the
-- caches of /s/{tenant}/theme.css and /s/{tenant}/theme/logo.
CREATE TABLE tenant_themes (
    id                   CHAR(36)      NOT NULL,
    tenant_id            VARCHAR(36)   NOT NULL,
    shop_name            VARCHAR(60)   NULL,
    colour_primary       CHAR(7)       NULL,  -- #rrggbb, checked by Themes; NULL: the default
    colour_primary_text  CHAR(7)       NULL,
    colour_accent        CHAR(7)       NULL,
    colour_background    CHAR(7)       NULL,
    colour_text          CHAR(7)       NULL,
    welcome_text_zh      VARCHAR(200)  NULL,
    welcome_text_en      VARCHAR(200)  NULL,
    footer_text_zh       VARCHAR(200)  NULL,
    footer_text_en       VARCHAR(200)  NULL,
    logo_file_id         CHAR(36)      NULL,  -- kernel FileStorage, category logo
    version              BIGINT        NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    updated_by           CHAR(36)      NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenant_themes_tenant UNIQUE (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
