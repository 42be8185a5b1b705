package io.vitrine.api.landing;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.BuildInfo;

import java.util.Map;

/** {@code /}: what this running instance is, what Vitrine does, and where to go next. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class LandingPage {

    private final BuildInfo build;
    private final Map<String, Object> instance;

    LandingPage(BuildInfo build,
                @Value("${vitrine.mode}") String mode,
                @Value("${vitrine.demo.enabled:false}") boolean demoEnabled,
                @Value("${vitrine.cache.backend}") String cache,
                @Value("${vitrine.search.backend}") String search,
                @Value("${vitrine.files.backend}") String files) {
        this.build = build;
        this.instance = Map.of(
                "mode", mode,
                "demoEnabled", demoEnabled,
                "cacheBackend", cache,
                "searchBackend", search,
                "filesBackend", files);
    }

    @Get
    @View("landing")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<Map<String, Object>> show() {
        return HttpResponse.ok(Map.<String, Object>of("instance", instance, "version", build.version()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
