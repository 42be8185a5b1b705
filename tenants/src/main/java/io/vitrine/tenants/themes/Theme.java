package io.vitrine.tenants.themes;

import io.micronaut.core.annotation.Nullable;

/**
 * A tenant's theme with the defaults filled in: what a storefront page shows. {@code shopName} null means
 * the tenant's own name; {@code version} 0 is the default theme (never saved).
 */
public record Theme(@Nullable String shopName, ThemeColours colours, ShopText welcome, ShopText footer,
                    @Nullable String logoFileId, long version) {

    public static final Theme DEFAULT = new Theme(null, ThemeColours.DEFAULTS, ShopText.NONE, ShopText.NONE, null, 0);

    public boolean hasLogo() {
        return logoFileId != null;
    }

    static Theme of(TenantTheme stored) {
        ThemeColours d = ThemeColours.DEFAULTS;
        return new Theme(stored.shopName(),
                new ThemeColours(or(stored.colourPrimary(), d.primary()), or(stored.colourPrimaryText(), d.primaryText()),
                        or(stored.colourAccent(), d.accent()), or(stored.colourBackground(), d.background()),
                        or(stored.colourText(), d.text())),
                new ShopText(stored.welcomeTextZh(), stored.welcomeTextEn()),
                new ShopText(stored.footerTextZh(), stored.footerTextEn()),
                stored.logoFileId(), stored.version());
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
