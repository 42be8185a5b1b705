package io.vitrine.api.problem;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.kernel.tenancy.CurrentTenant;

/** Test-only storefront route: its tenant comes from the {@code /s/{tenantSlug}} path. */
@Controller("/s/{tenantSlug}/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class StorefrontProbeController {

    private final CurrentTenant currentTenant;

    StorefrontProbeController(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Get("/tenant-scoped")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String tenantScoped(@PathVariable String tenantSlug) {
        return currentTenant.require().value();
    }
}
