package io.vitrine.tenants.themes;

/**
 * The five colours of a storefront, each {@code #rrggbb} in lower case (checked by {@link Themes}; nothing
 * else can be written into the theme's stylesheet). {@link #DEFAULTS} are the platform's own colours.
 */
public record ThemeColours(String primary, String primaryText, String accent, String background, String text) {

    public static final ThemeColours DEFAULTS = new ThemeColours("#0f5c4d", "#ffffff", "#e0a33b", "#f7f5f0", "#17211f");
}
