package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.themes.Theme;
import io.vitrine.tenants.themes.Themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code /console/theme}: the retailer admin's storefront theme — shop name, colours (with a preview),
 * welcome and footer texts in Chinese and English, the logo (upload, remove). Variables only: the
 * storefront's templates are the platform's. A refused form is shown again with each field's error.
 */
@Controller("/console/theme")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured("RETAILER_ADMIN")
@Hidden
final class ThemePage {

    private static final String PAGE = "/console/theme";

    private final Themes themes;
    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;

    ThemePage(Themes themes, CurrentTenant currentTenant, TenantDirectory directory) {
        this.themes = themes;
        this.currentTenant = currentTenant;
        this.directory = directory;
    }

    @Get
    HttpResponse<?> show(Authentication caller, @Nullable @QueryValue String saved) {
        Theme theme = themes.current();
        return page(HttpStatus.OK, caller, theme, ThemeFields.of(theme), Map.of(), saved != null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, @Body ThemeFields fields, Authentication caller) {
        try {
            themes.replace(StaffClaims.actorOf(caller), fields.toForm());
            return ConsoleLinks.seeOther(request, PAGE + "?saved=1");
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, themes.current(), fields,
                    ThemeFields.byInput(FormErrors.of(invalid, request)), false);
        }
    }

    @Post(value = "/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, @Part("file") CompletedFileUpload file, Authentication caller) {
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            themes.replaceLogo(StaffClaims.actorOf(caller), file.getFilename(), contentType, content);
            return ConsoleLinks.seeOther(request, PAGE + "?saved=1");
        } catch (InvalidInputException invalid) {
            Theme theme = themes.current();
            return page(HttpStatus.BAD_REQUEST, caller, theme, ThemeFields.of(theme), FormErrors.of(invalid, request),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(value = "/logo/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeLogo(HttpRequest<?> request, Authentication caller) {
        themes.removeLogo(StaffClaims.actorOf(caller));
        return ConsoleLinks.seeOther(request, PAGE + "?saved=1");
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, Theme theme, ThemeFields fields,
                                 Map<String, String> errors, boolean saved) {
        Tenant tenant = directory.require(currentTenant.require());
        String shop = "/s/" + tenant.slug();
        return ConsolePage.render(status, "theme", ConsolePage.model(caller,
                "form", fields,
                "errors", errors,
                "saved", saved,
                "tenantName", tenant.name(),
                "logoUrl", theme.hasLogo() ? shop + "/theme/logo?v=" + theme.version() : null,
                "cssUrl", shop + "/theme.css?v=" + theme.version()));
    }
}
