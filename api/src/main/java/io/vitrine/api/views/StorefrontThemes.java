package io.vitrine.api.views;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.Themes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code theme} of a storefront page ({@code storefront/...} views whose model names the shop as
 * {@code tenant}): {@code shopName} (the theme's, else the tenant's name), {@code logoUrl} (absent without
 * a logo), {@code welcomeText} and {@code footerText} (in the page language, absent when the shop has none),
 * {@code cssUrl} (the theme's colours as CSS variables, {@code /s/{tenant}/theme.css?v=<version>}) and
 * {@code version}. An unknown or suspended shop, or a theme that cannot be read, gets the default theme:
 * a page never fails for its theme.
 */
@Singleton
final class StorefrontThemes {

    private static final Logger LOG = LoggerFactory.getLogger(StorefrontThemes.class);
    private static final String PLATFORM_NAME = "Vitrine";

    private final TenantDirectory directory;
    private final Themes themes;

    StorefrontThemes(TenantDirectory directory, Themes themes) {
        this.directory = directory;
        this.themes = themes;
    }

    Map<String, Object> model(String tenantSlug, PageLanguage language) {
        Optional<TenantId> tenant = directory.idOfSlug(tenantSlug);
        Theme theme = Theme.DEFAULT;
        String name = PLATFORM_NAME;
        if (tenant.isPresent()) {
            try {
                theme = themes.of(tenant.get());
                name = theme.shopName() != null ? theme.shopName()
                        : directory.find(tenant.get()).map(Tenant::name).orElse(PLATFORM_NAME);
            } catch (RuntimeException unreadable) {
                LOG.warn("Theme of tenant {} not read, the default theme shows instead: {}", tenantSlug,
                        unreadable.toString());
            }
        }
        String base = "/s/" + URLEncoder.encode(tenantSlug, StandardCharsets.UTF_8);
        Map<String, Object> model = new HashMap<>();
        model.put("shopName", name);
        model.put("cssUrl", base + "/theme.css?v=" + theme.version());
        model.put("version", theme.version());
        if (theme.hasLogo()) {
            model.put("logoUrl", base + "/theme/logo?v=" + theme.version());
        }
        putIfPresent(model, "welcomeText", theme.welcome().in(language.tag()));
        putIfPresent(model, "footerText", theme.footer().in(language.tag()));
        return model;
    }

    private static void putIfPresent(Map<String, Object> model, String key, @Nullable String value) {
        if (value != null) {
            model.put(key, value);
        }
    }
}
