package io.vitrine.api.tenants;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.security.ReplayPolicy;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.devices.signing.ReplayProtection;

import java.util.Map;

/**
 * Test-only signed routes with a {@link ReplayPolicy}: the controller allows the fallback (like an event
 * batch), one method takes it back (a GET made STRICT), one marks it again on the method itself.
 */
@Hidden
@Controller("/pos/test-only/replay")
@Secured(SecurityRule.IS_ANONYMOUS)
@ReplayPolicy(ReplayProtection.FALLBACK_ALLOWED)
class ReplayPolicyProbeController {

    private final CurrentTenant currentTenant;

    ReplayPolicyProbeController(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    /** Allowed by the controller's policy. */
    @Post(value = "/batches", consumes = "application/octet-stream")
    Map<String, Object> batch(@Body byte[] body) {
        return Map.of("tenant", currentTenant.require().value(), "bytes", body.length);
    }

    /** Allowed on the method itself, as a real event batch route would say it. */
    @Post(value = "/events", consumes = "application/octet-stream")
    @ReplayPolicy(ReplayProtection.FALLBACK_ALLOWED)
    Map<String, Object> events(@Body byte[] body) {
        return Map.of("tenant", currentTenant.require().value(), "bytes", body.length);
    }

    /** A GET that must not fall back: the method's policy wins over the controller's and the GET default. */
    @Get("/strict-feed")
    @ReplayPolicy(ReplayProtection.STRICT)
    Map<String, Object> strictFeed() {
        return Map.of("tenant", currentTenant.require().value());
    }
}
