package io.vitrine.tenants.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A tenant's storefront theme as stored: variables only (shop name, five colours, welcome and footer
 * texts in Chinese and English, a logo in the kernel's file storage). A {@code null} variable means the
 * default. {@code version} moves on every change: it is the cache key of the theme's stylesheet and logo.
 */
@MappedEntity("tenant_themes")
public record TenantTheme(@Id String id,
                          @TenantId @Nullable String tenantId,
                          @Nullable String shopName,
                          @Nullable String colourPrimary,
                          @Nullable String colourPrimaryText,
                          @Nullable String colourAccent,
                          @Nullable String colourBackground,
                          @Nullable String colourText,
                          @Nullable String welcomeTextZh,
                          @Nullable String welcomeTextEn,
                          @Nullable String footerTextZh,
                          @Nullable String footerTextEn,
                          @Nullable String logoFileId,
                          long version,
                          @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt,
                          @Nullable String updatedBy) {

    /** The same theme with another logo (or none), one version on. */
    TenantTheme withLogo(@Nullable String fileId, Instant at, String by) {
        return new TenantTheme(id, tenantId, shopName, colourPrimary, colourPrimaryText, colourAccent, colourBackground,
                colourText, welcomeTextZh, welcomeTextEn, footerTextZh, footerTextEn, fileId, version + 1, at, by);
    }

    /** The same row without its tenant: a new row's tenant column comes from the resolver, never from anything else. */
    TenantTheme withoutTenant() {
        return new TenantTheme(id, null, shopName, colourPrimary, colourPrimaryText, colourAccent, colourBackground,
                colourText, welcomeTextZh, welcomeTextEn, footerTextZh, footerTextEn, logoFileId, version, updatedAt,
                updatedBy);
    }
}
