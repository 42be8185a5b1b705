package io.vitrine.api.security;

import io.vitrine.api.catalog.CatalogSamples;
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

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller sends never comes back unescaped in a page (issue #10 "Hostile input"): neither what it puts in an
 * address or a query (every GET route the router knows, each query parameter the pages read, anonymous and signed
 * in), nor what it stored (a product's and a store's names shown by the consoles and the storefront, its search),
 * nor what a refused console form shows again.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReflectionTest {

    /** Markup that would run if a page put it out as it came. */
    static final String PAYLOAD = "\"'><script>alert('vitrine')</script><img src=x onerror=alert(1)>";
    private static final List<String> RAW = List.of("<script>alert('vitrine')", "<img src=x onerror");

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private String store;

    ReflectionTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aShopWhoseNamesAreMarkup() {
        DevicesApi devices = new DevicesApi(vitrine);
        Park park = devices.parkWithWarehouse("RF-01");
        merchant = api.merchant(park);
        store = devices.store(merchant, "RF-01", PAYLOAD);
        Map<String, Object> product = new HashMap<>(CatalogSamples.formula("RF-SKU-1", "RF-01"));
        product.put("nameZh", PAYLOAD);
        product.put("nameEn", PAYLOAD);
        product.put("brand", "brand" + PAYLOAD);
        api.expect(201, api.post("/api/v1/products", merchant.admin().token(), product));
        api.expect(200, api.put("/api/v1/stock/RF-01/RF-SKU-1", merchant.admin().token(), Map.of("quantity", 5)));
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", merchant.admin().token(),
                Map.of("skus", List.of("RF-SKU-1"))));
    }

    @Test
    void addresses_and_queries_are_never_echoed_unescaped_in_a_page() {
        String value = HostileCorpus.enc(PAYLOAD);
        List<String> pages = new ArrayList<>();
        List<String> reflected = new ArrayList<>();

        for (Route route : Routes.of(vitrine).stream().filter(r -> r.method().name().equals("GET")).toList()) {
            for (String path : List.of(route.expand(this::fixtureValue) + "?" + HostileCorpus.hostileQuery(value),
                    route.expand(variable -> value))) {
                for (String token : new String[]{null, merchant.admin().token()}) {
                    HttpResponse<String> answer = get(path, token);
                    if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        pages.add(answer.statusCode() + " " + route);
                        if (RAW.stream().anyMatch(answer.body()::contains)) {
                            reflected.add(answer.statusCode() + " " + path);
                        }
                    }
                }
            }
        }

        assertThat(reflected).isEmpty();
        assertThat(pages).hasSizeGreaterThan(40).anyMatch(p -> p.startsWith("200 GET /s/{tenant}"))
                .anyMatch(p -> p.startsWith("200 GET /console"));
    }

    @Test
    void stored_names_are_shown_escaped_in_the_consoles_and_the_storefront() {
        String token = merchant.admin().token();
        List<HttpResponse<String>> pages = List.of(
                get("/console/products", token),
                get("/console/products/RF-SKU-1", token),
                get("/console/stores", token),
                get("/console/stores/" + store, token),
                get("/console/stores/" + store + "/assortment", token),
                get("/console/stock", token),
                get("/s/" + merchant.slug() + "/?q=RF-SKU-1", null),
                get("/s/" + merchant.slug() + "/?q=" + HostileCorpus.enc(PAYLOAD), null),
                get("/s/" + merchant.slug() + "/p/RF-SKU-1", null),
                get("/s/" + merchant.slug() + "/kiosk/" + store, null),
                get("/s/" + merchant.slug() + "/kiosk/" + store + "/p/RF-SKU-1", null));

        for (HttpResponse<String> page : pages) {
            assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
            assertThat(RAW).as(page.uri().toString()).noneMatch(page.body()::contains);
        }
        assertThat(pages.get(0).body()).contains("&lt;script&gt;alert(");
        assertThat(pages.get(8).body()).contains("&lt;script&gt;alert(");
    }

    @Test
    void a_refused_console_form_shows_what_was_typed_escaped() {
        String form = "code=" + HostileCorpus.enc(PAYLOAD) + "&name=" + HostileCorpus.enc(PAYLOAD) + "&kind="
                + HostileCorpus.enc(PAYLOAD) + "&address=" + HostileCorpus.enc(PAYLOAD) + "&district=x&warehouseCode="
                + HostileCorpus.enc(PAYLOAD);

        HttpResponse<String> refused = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/console/stores?lang=en"))
                .header("Authorization", "Bearer " + merchant.admin().token())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RAW).noneMatch(refused.body()::contains);
        assertThat(refused.body()).contains("&lt;script&gt;alert(");
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path)).GET().header("Accept", "text/html");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return vitrine.send(request.build());
    }

    private String fixtureValue(String variable) {
        return switch (variable) {
            case "tenant", "tenantSlug", "slug" -> merchant.slug();
            case "code", "storeCode" -> store;
            case "warehouseCode" -> "RF-01";
            case "sku" -> "RF-SKU-1";
            default -> "reflection-none";
        };
    }
}
