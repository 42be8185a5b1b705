package io.vitrine.api.tenants.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.ThemeColours;
import io.vitrine.tenants.themes.Themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shop's theme for its pages, public and cacheable: {@code /s/{tenant}/theme.css} (its colours as CSS
 * variables, nothing else) and {@code /s/{tenant}/theme/logo}. Both carry an ETag; asked with the current
 * {@code ?v=<version>} (as the pages link them) they are cached for a year, otherwise for a minute. An
 * unknown or suspended shop gets the default stylesheet (no shop's data in it) and no logo (404).
 */
@Controller("/s/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Storefront")
class ThemeAssetsController {

    static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final String NOSNIFF = "nosniff";
    private static final String FOR_A_YEAR = "public, max-age=31536000, immutable";
    private static final String FOR_A_MINUTE = "public, max-age=60";

    private final Themes themes;
    private final TenantDirectory directory;

    ThemeAssetsController(Themes themes, TenantDirectory directory) {
        this.themes = themes;
        this.directory = directory;
    }

    @Get("/theme.css")
    @Operation(summary = "The shop's colours as CSS variables (--v-primary, --v-primary-text, --v-accent, "
            + "--v-background, --v-text)")
    HttpResponse<String> stylesheet(@PathVariable String tenant, @Nullable @QueryValue String v,
                                    @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Theme theme = directory.idOfSlug(tenant).map(themes::of).orElse(Theme.DEFAULT);
        String etag = "\"theme-" + theme.version() + "\"";
        MutableHttpResponse<String> response = etag.equals(ifNoneMatch) ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(css(theme.colours())).contentType(CSS);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl(v, theme))
                .header("X-Content-Type-Options", NOSNIFF);
    }

    @Get("/theme/logo")
    @Operation(summary = "The shop's logo (PNG, JPEG or WebP); 404 without one")
    HttpResponse<byte[]> logo(@PathVariable String tenant, @Nullable @QueryValue String v,
                              @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TenantId shop = directory.idOfSlug(tenant).orElseThrow(() -> new NotFoundException("No such shop."));
        return TenantContext.callAs(shop, () -> {
            Theme theme = themes.current();
            Optional<FileContent> found = theme.hasLogo() ? themes.logo() : Optional.empty();
            try (FileContent logo = found.orElseThrow(() -> new NotFoundException("This shop has no logo."))) {
                String etag = "\"" + logo.file().sha256() + "\"";
                MutableHttpResponse<byte[]> response = etag.equals(ifNoneMatch)
                        ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                        : HttpResponse.ok(logo.stream().readAllBytes()).contentType(MediaType.of(logo.file().contentType()));
                return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl(v, theme))
                        .header("X-Content-Type-Options", NOSNIFF)
                        // an image needs none of this; should a browser ever take it for a document, it is inert
                        .header("Content-Security-Policy", "default-src 'none'; sandbox");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The stylesheet: five variables, each a colour checked again here (a value that is no #rrggbb is the default). */
    static String css(ThemeColours colours) {
        ThemeColours d = ThemeColours.DEFAULTS;
        return ":root{--v-primary:" + colour(colours.primary(), d.primary())
                + ";--v-primary-text:" + colour(colours.primaryText(), d.primaryText())
                + ";--v-accent:" + colour(colours.accent(), d.accent())
                + ";--v-background:" + colour(colours.background(), d.background())
                + ";--v-text:" + colour(colours.text(), d.text()) + "}\n";
    }

    private static String colour(@Nullable String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }

    private static String cacheControl(@Nullable String askedVersion, Theme theme) {
        return String.valueOf(theme.version()).equals(askedVersion) ? FOR_A_YEAR : FOR_A_MINUTE;
    }
}
