package io.vitrine.tenants.themes;

import io.micronaut.core.annotation.Nullable;

/**
 * The theme's variables as an admin sends them; each replaces the stored one, and an absent or blank one
 * goes back to the default. The logo is not part of it (its own upload). Never template code.
 */
public record ThemeForm(@Nullable String shopName,
                        @Nullable String primary,
                        @Nullable String primaryText,
                        @Nullable String accent,
                        @Nullable String background,
                        @Nullable String text,
                        @Nullable String welcomeZh,
                        @Nullable String welcomeEn,
                        @Nullable String footerZh,
                        @Nullable String footerEn) {
}
