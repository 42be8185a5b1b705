package io.vitrine.api.console;

import io.vitrine.api.tenants.DevicesApi;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.Routes;
import io.vitrine.api.testing.Routes.Route;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF on every state-changing route (issue #10 "Web security"), the routes read from the router so a new form is
 * covered without being listed: each console write, and each write a signed-in browser's cookie could carry, is
 * refused 403 by {@link CrossSiteRequestGuard} when it does not come from our own pages — no Fetch Metadata and no
 * Origin, {@code Sec-Fetch-Site: cross-site} or {@code same-site}, or another site's Origin — before it is even
 * authenticated, so it changes nothing. (The guard checks where the request comes from instead of a per-form
 * token: see its comment.) The signed-in retailer's real store, product and warehouse fill the addresses.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteSweepTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private String store;
    private ConsoleClient browser;

    CrossSiteSweepTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aSignedInRetailer() {
        DevicesApi devices = new DevicesApi(vitrine);
        Park park = devices.parkWithWarehouse("CX-01");
        merchant = api.merchant(park);
        store = devices.store(merchant, "CX-01", "Cross-site sweep shop");
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    Stream<Route> writes() {
        return Routes.of(vitrine).stream().filter(Route::isWrite);
    }

    @Test
    void the_sweep_sees_every_console_form() {
        assertThat(writes().filter(r -> r.template().startsWith("/console")).count()).isGreaterThan(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void a_cookie_write_that_does_not_come_from_our_pages_is_refused(Route route) {
        String path = route.expand(variable -> switch (variable) {
            case "tenant", "tenantSlug", "slug" -> merchant.slug();
            case "code", "storeCode" -> store;
            case "warehouseCode" -> "CX-01";
            default -> "cross-site-sweep";
        });

        for (List<String> origin : List.of(List.<String>of(), List.of("Sec-Fetch-Site", "cross-site"),
                List.of("Sec-Fetch-Site", "same-site"), List.of("Origin", ConsoleClient.ANOTHER_SITE),
                List.of("Origin", "null"))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path))
                    .header("Cookie", browser.cookie())
                    .header("Content-Type", route.consumes("application/x-www-form-urlencoded")
                            ? "application/x-www-form-urlencoded" : "application/json")
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString(
                            route.consumes("application/x-www-form-urlencoded") ? "name=x" : "{}"));
            if (!origin.isEmpty()) {
                request.header(origin.get(0), origin.get(1));
            }

            HttpResponse<String> answer = vitrine.send(request.build());

            assertThat(answer.statusCode()).as("%s from %s: %s", path, origin, answer.body()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void a_console_write_without_the_cookie_from_another_site_is_refused_too(Route route) {
        if (!route.template().startsWith("/console")) {
            return;
        }
        String path = route.expand(variable -> "cross-site-sweep");

        HttpResponse<String> answer = vitrine.send(HttpRequest.newBuilder(vitrine.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .header("Authorization", "Bearer " + merchant.admin().token())
                .method(route.method().name(), HttpRequest.BodyPublishers.ofString("name=x")).build());

        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(403);
    }
}
