package io.vitrine.api.tenants;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * Test-only storefront page ({@code templates/storefront/theme-probe.ftlh} in the test resources): a
 * {@code storefront/} view with the shop's slug as {@code tenant}, as the storefront pages render theirs.
 */
@Controller("/s/{tenant}/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ThemeProbeController {

    @Get("/theme-probe")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@PathVariable String tenant) {
        return new ModelAndView<>("storefront/theme-probe", Map.of("tenant", tenant));
    }
}
