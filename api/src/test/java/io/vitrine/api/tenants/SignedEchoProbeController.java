package io.vitrine.api.tenants;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.tenants.devices.signing.CanonicalRequest;

import java.util.Map;

/** A signed POST for the tests: proves the controller still reads the body the filter hashed, and the request tenant. */
@Hidden
@Controller("/pos/test-only/echo")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignedEchoProbeController {

    private final CurrentTenant currentTenant;

    SignedEchoProbeController(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Post(consumes = "application/octet-stream")
    Map<String, Object> echo(@Body byte[] body) {
        return Map.of("sha256", CanonicalRequest.sha256Hex(body), "tenant", currentTenant.require().value());
    }
}
