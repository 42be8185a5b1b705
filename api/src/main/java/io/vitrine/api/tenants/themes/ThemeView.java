package io.vitrine.api.tenants.themes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.tenants.themes.ShopText;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.ThemeColours;

/**
 * A tenant's theme as the API shows it: {@code colours} with the defaults filled in (so a GET, edited, is a
 * valid PUT), the texts as written, where the shop's stylesheet and logo are ({@code logoUrl} null without
 * one) and the {@code version} that moves on every change.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ThemeView(@Nullable String shopName, Colours colours, Texts welcomeText, Texts footerText,
                 @Nullable String logoUrl, String cssUrl, long version) {

    static ThemeView of(Theme theme, String tenantSlug) {
        String base = "/s/" + tenantSlug;
        return new ThemeView(theme.shopName(), Colours.of(theme.colours()), Texts.of(theme.welcome()),
                Texts.of(theme.footer()), theme.hasLogo() ? base + "/theme/logo?v=" + theme.version() : null,
                base + "/theme.css?v=" + theme.version(), theme.version());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Colours(@Nullable String primary, @Nullable String primaryText, @Nullable String accent,
                   @Nullable String background, @Nullable String text) {

        static Colours of(ThemeColours c) {
            return new Colours(c.primary(), c.primaryText(), c.accent(), c.background(), c.text());
        }
    }

    /** A text in Chinese ({@code zh}, shown on zh-CN pages) and English ({@code en}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Texts(@Nullable String zh, @Nullable String en) {

        static Texts of(ShopText text) {
            return new Texts(text.zh(), text.en());
        }
    }
}
