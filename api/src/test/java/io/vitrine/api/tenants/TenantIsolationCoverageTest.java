package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.Routes;
import io.vitrine.api.testing.Routes.Route;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation walk covers every endpoint that exists (issue #10, from the tenancy issue): each route the router
 * knows that names a resource in its address (a path variable: a slug, code, number or id a caller could swap for
 * another tenant's) has at least one probe in {@link TenantIsolationWalkTest#PROBES}, or is one of the deliberate
 * exceptions below, each with why. A new endpoint therefore fails this test until it is walked or excused.
 * Routes without a variable act on the caller's own tenant only; the walk's {@code @AfterAll} checks their lists.
 */
@ExtendWith(EmbeddedVitrine.class)
class TenantIsolationCoverageTest {

    /** Routes that name something, yet no tenant's resource another tenant could reach: why each is not walked. */
    static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("GET /api/v1/positive-list/{hsCode}", "the positive list is platform-wide (architecture.md)"),
            Map.entry("POST /api/v1/invitations/{token}/accept", "the token is the only key (128 random bits), of no tenant"),
            Map.entry("GET /console/invitations/{token}", "the token is the only key, of no tenant"),
            Map.entry("POST /console/invitations/{token}", "the token is the only key, of no tenant"),
            Map.entry("POST /api/v1/parks/{parkSlug}/applications", "any merchant may apply to any park: a public form"),
            Map.entry("GET /s/{tenant}", "the shop's public home: names nothing but the shop"),
            Map.entry("GET /health/{selector}", "operations: the instance's health, of no tenant"),
            Map.entry("GET /s/{tenant}/api/search", "the shop's public search: names nothing but the shop"),
            Map.entry("GET /s/{tenant}/api/suggest", "the shop's public suggestions: names nothing but the shop"),
            Map.entry("GET /s/{tenant}/cart", "a frame filled by script from the cart API (walked)"),
            Map.entry("GET /s/{tenant}/checkout", "a frame filled by script from the cart API (walked)"),
            Map.entry("GET /s/{tenant}/orders", "the lookup form: the lookup API is walked"),
            Map.entry("GET /s/{tenant}/theme.css", "every shop's colours are public"),
            Map.entry("POST /s/{tenant}/api/carts", "another shop's store in the body is 400 UNKNOWN_STORE like any unknown "
                    + "store (CartsSuite): nothing is told"),
            Map.entry("POST /s/{tenant}/kiosk/heartbeat", "the kiosk's cookie names the device, verified for the address's "
                    + "shop (DeviceCredentialsSuite)"),
            Map.entry("POST /sandbox/alipay/trades/{orderNo}/pay", "the embedded Alipay sandbox playing the shopper's "
                    + "phone (order numbers are platform-wide); off in cluster mode"));

    private final RunningVitrine vitrine;

    TenantIsolationCoverageTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void every_route_that_names_a_resource_is_walked_or_excused() {
        List<Route> naming = Routes.of(vitrine).stream().filter(route -> !route.variables().isEmpty()).toList();

        List<String> unwalked = naming.stream()
                .filter(route -> !EXCEPTIONS.containsKey(route.toString()))
                .filter(route -> TenantIsolationWalkTest.PROBES.stream().noneMatch(probe -> walks(probe, route)))
                .map(Route::toString)
                .toList();

        assertThat(naming).hasSizeGreaterThan(50);
        assertThat(unwalked).as("routes with neither a probe in TenantIsolationWalkTest nor an exception here").isEmpty();
    }

    @Test
    void every_exception_is_still_a_route() {
        List<String> routes = Routes.of(vitrine).stream().map(Route::toString).toList();

        assertThat(routes).containsAll(EXCEPTIONS.keySet());
    }

    private static boolean walks(TenantIsolationWalkTest.Probe probe, Route route) {
        String method = switch (probe.method()) {
            case "PAGE", "SHOP", "SHOP_FRAME" -> "GET";
            case "FORM", "UPLOAD", "PHOTO", "SHOP_FORM", "SHOP_PHOTO" -> "POST";
            default -> probe.method();
        };
        return route.matches(method, probe.path().replaceAll("\\{[^}]+}", "p1"));
    }
}
