package io.vitrine.api.tenants.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.themes.ThemeView.Colours;
import io.vitrine.api.tenants.themes.ThemeView.Texts;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.ThemeForm;
import io.vitrine.tenants.themes.Themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /api/v1/tenant/theme} for the retailer's admins: the storefront theme's variables (never template
 * code), and its logo. Bad input is 400 problem+json naming each field and rule, and changes nothing.
 */
@Controller("/api/v1/tenant/theme")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
class ThemeController {

    private final Themes themes;
    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;

    ThemeController(Themes themes, CurrentTenant currentTenant, TenantDirectory directory) {
        this.themes = themes;
        this.currentTenant = currentTenant;
        this.directory = directory;
    }

    @Get
    ThemeView read() {
        return view(themes.current());
    }

    @Put
    @Operation(summary = "Replace the theme's variables",
            description = "Colours #rrggbb (absent or empty: the default), shopName up to 60 characters, "
                    + "welcomeText and footerText {zh, en} up to 200 each. The logo is kept.")
    ThemeView replace(@Body ThemeRequest request, Authentication caller) {
        Colours c = request.colours() == null ? new Colours(null, null, null, null, null) : request.colours();
        Texts welcome = request.welcomeText() == null ? new Texts(null, null) : request.welcomeText();
        Texts footer = request.footerText() == null ? new Texts(null, null) : request.footerText();
        return view(themes.replace(StaffClaims.actorOf(caller), new ThemeForm(request.shopName(), c.primary(),
                c.primaryText(), c.accent(), c.background(), c.text(), welcome.zh(), welcome.en(), footer.zh(),
                footer.en())));
    }

    @Put(value = "/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace the logo (multipart field file: PNG, JPEG or WebP; SVG refused)")
    ThemeView logo(@Part("file") CompletedFileUpload file, Authentication caller) {
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            return view(themes.replaceLogo(StaffClaims.actorOf(caller), file.getFilename(), contentType, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Delete("/logo")
    @Operation(summary = "Remove the logo (without one, nothing changes)")
    ThemeView removeLogo(Authentication caller) {
        return view(themes.removeLogo(StaffClaims.actorOf(caller)));
    }

    private ThemeView view(Theme theme) {
        return ThemeView.of(theme, directory.require(currentTenant.require()).slug());
    }

    @Serdeable
    record ThemeRequest(@Nullable String shopName, @Nullable Colours colours, @Nullable Texts welcomeText,
                        @Nullable Texts footerText) {
    }
}
