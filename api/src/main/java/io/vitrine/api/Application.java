package io.vitrine.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

@OpenAPIDefinition(info = @Info(
        title = "Vitrine",
        version = "v1",
        description = "Multi-tenant storefront and O2O showcase backend for a cross-border e-commerce pilot zone: "
                + "parks onboard retailers, shoppers buy on kiosks and phones, orders are declared to customs. "
                + "Errors are application/problem+json (RFC 9457).",
        license = @License(name = "Proprietary")))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
