package io.vitrine.tenants.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and changes the current tenant's storefront theme (issue #4): variables checked here, never
 * template code. Colours are {@code #rrggbb} only, because they are written into a stylesheet; texts have
 * length limits (HTML-escaped where shown); the logo is a PNG, JPEG or WebP image of file category
 * {@code logo} (its size limit and types from {@code vitrine.files.categories.logo}; the type is what the
 * bytes are, and a PNG or JPEG must decode: {@link LogoImage}). SVG is refused: it can carry script, and a logo
 * needs none of what SVG adds.
 */
@Singleton
public class Themes {

    static final String LOGO_CATEGORY = "logo";
    static final int SHOP_NAME_MAX = 60;
    static final int TEXT_MAX = 200;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final TenantThemeRepository themes;
    private final CurrentTenant currentTenant;
    private final FileStorage files;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    public Themes(TenantThemeRepository themes, CurrentTenant currentTenant, FileStorage files, AuditTrail audit,
                  Ids ids, Clock clock) {
        this.themes = themes;
        this.currentTenant = currentTenant;
        this.files = files;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** The current tenant's theme; before the first save, the default one. */
    @Transactional(readOnly = true)
    public Theme current() {
        return stored().map(Theme::of).orElse(Theme.DEFAULT);
    }

    /** This tenant's theme, whoever the request is for (a storefront page names its shop). */
    public Theme of(TenantId tenant) {
        return TenantContext.callAs(tenant, this::current);
    }

    @Transactional
    public Theme replace(Actor by, ThemeForm form) {
        FieldChecks checks = new FieldChecks();
        String shopName = checks.optionalText("shopName", form.shopName(), SHOP_NAME_MAX);
        String primary = colour(checks, "colours.primary", form.primary());
        String primaryText = colour(checks, "colours.primaryText", form.primaryText());
        String accent = colour(checks, "colours.accent", form.accent());
        String background = colour(checks, "colours.background", form.background());
        String text = colour(checks, "colours.text", form.text());
        String welcomeZh = checks.optionalText("welcomeText.zh", form.welcomeZh(), TEXT_MAX);
        String welcomeEn = checks.optionalText("welcomeText.en", form.welcomeEn(), TEXT_MAX);
        String footerZh = checks.optionalText("footerText.zh", form.footerZh(), TEXT_MAX);
        String footerEn = checks.optionalText("footerText.en", form.footerEn(), TEXT_MAX);
        checks.throwIfAny();

        Optional<TenantTheme> before = stored();
        TenantTheme after = new TenantTheme(before.map(TenantTheme::id).orElseGet(ids::nextId),
                before.map(TenantTheme::tenantId).orElse(null), shopName, primary, primaryText, accent, background, text,
                welcomeZh, welcomeEn, footerZh, footerEn, before.map(TenantTheme::logoFileId).orElse(null),
                before.map(TenantTheme::version).orElse(0L) + 1, clock.instant(), by.staffId());
        TenantTheme saved = save(before.isPresent(), after);
        audit.record(by, currentTenant.require(), "THEME_CHANGED", "tenant", currentTenant.require().value(), null);
        return Theme.of(saved);
    }

    /**
     * Replaces the logo. A refused file (type, content not as declared, empty, over the size limit; an image that
     * does not decode, is too large in pixels or goes on after its end: {@link LogoImage}) is a field error on
     * {@code file}, with the reason as its rule, and changes nothing.
     */
    @Transactional
    public Theme replaceLogo(Actor by, String filename, String declaredContentType, InputStream content) {
        TenantId tenant = currentTenant.require();
        StoredFile logo;
        try {
            logo = files.store(tenant, LOGO_CATEGORY, filename, declaredContentType, content);
        } catch (FileRejectedException refused) {
            if (refused.reason() == FileRejectedException.Reason.UNKNOWN_CATEGORY) {
                throw refused; // our configuration, not the client's file
            }
            throw InvalidInputException.of("file", refused.reason().name(), refused.getMessage());
        }
        requireImage(tenant, logo);
        Optional<TenantTheme> existing = stored();
        TenantTheme before = existing.orElseGet(() -> blank(by));
        TenantTheme saved = save(existing.isPresent(), before.withLogo(logo.id(), clock.instant(), by.staffId()));
        audit.record(by, tenant, "THEME_LOGO_CHANGED", "tenant", tenant.value(), null);
        deleteFile(tenant, before.logoFileId());
        return Theme.of(saved);
    }

    /** The stored logo is what a logo must be ({@link LogoImage}); a refused one is deleted again. */
    private void requireImage(TenantId tenant, StoredFile logo) {
        try (FileContent stored = files.open(tenant, logo.id()).orElseThrow()) {
            LogoImage.check(stored.stream().readAllBytes(), logo.contentType());
        } catch (InvalidInputException refused) {
            files.delete(tenant, logo.id());
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded logo", e);
        }
    }

    /** Removes the logo; without one, nothing changes. */
    @Transactional
    public Theme removeLogo(Actor by) {
        TenantId tenant = currentTenant.require();
        Optional<TenantTheme> before = stored().filter(t -> t.logoFileId() != null);
        if (before.isEmpty()) {
            return current();
        }
        TenantTheme saved = themes.update(before.get().withLogo(null, clock.instant(), by.staffId()));
        audit.record(by, tenant, "THEME_LOGO_REMOVED", "tenant", tenant.value(), null);
        deleteFile(tenant, before.get().logoFileId());
        return Theme.of(saved);
    }

    /** The current tenant's logo, if it has one. Close it. */
    @Transactional(readOnly = true)
    public Optional<FileContent> logo() {
        return stored().map(TenantTheme::logoFileId).flatMap(id -> files.open(currentTenant.require(), id));
    }

    private Optional<TenantTheme> stored() {
        return themes.findAll().stream().findFirst();
    }

    private TenantTheme save(boolean exists, TenantTheme theme) {
        return exists ? themes.update(theme) : themes.save(theme.withoutTenant());
    }

    /** A row of defaults at version 0, for a logo uploaded before any variable was saved. */
    private TenantTheme blank(Actor by) {
        return new TenantTheme(ids.nextId(), null, null, null, null, null, null, null, null, null, null, null, null, 0,
                clock.instant(), by.staffId());
    }

    private void deleteFile(TenantId tenant, @Nullable String fileId) {
        if (fileId != null) {
            files.delete(tenant, fileId);
        }
    }

    @Nullable
    private static String colour(FieldChecks checks, String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = checks.matching(field, raw, COLOUR, "COLOUR_FORM", "a colour as #rrggbb");
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
