package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie authenticates, so another site's page must not be able to write with it (CrossSiteRequestGuard):
 * writes carrying the cookie pass only from our own pages (Sec-Fetch-Site: same-origin, or an Origin naming
 * this host), whether they are console forms or the pages' fetch() calls to the API.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleCrossSiteTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private ConsoleClient browser;

    ConsoleCrossSiteTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aSignedInRetailer() {
        Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "CS-01", "name", "Bonded 1", "emsNo", "T5349W7", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void a_console_form_sent_by_another_sites_page_is_refused_and_changes_nothing() {
        String code = SampleCodes.unique("X").toUpperCase();

        HttpResponse<String> answer = browser.postFromAnotherSite("/console/stores?lang=en", store(code));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertNoStore(code);
    }

    @Test
    void without_fetch_metadata_the_origin_decides() {
        String foreign = SampleCodes.unique("X").toUpperCase();
        String own = SampleCodes.unique("X").toUpperCase();

        HttpResponse<String> refused = vitrine.send(form("/console/stores", store(foreign))
                .header("Origin", ConsoleClient.ANOTHER_SITE).build());
        HttpResponse<String> accepted = vitrine.send(form("/console/stores", store(own))
                .header("Origin", "http://" + vitrine.uri("/").getAuthority()).build());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("data-testid=\"error-title\"");
        assertNoStore(foreign);
        assertThat(accepted.statusCode()).isEqualTo(303);
        api.expect(200, api.get("/api/v1/stores/" + own, merchant.admin().token()));
    }

    @Test
    void a_cookie_write_that_says_neither_where_it_comes_from_is_refused() {
        String code = SampleCodes.unique("X").toUpperCase();

        HttpResponse<String> answer = vitrine.send(form("/console/stores", store(code)).build());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("data-testid=\"error-title\"");
        assertNoStore(code);
    }

    @Test
    void the_pages_fetch_calls_to_the_api_are_signed_in_by_the_cookie_from_our_own_pages_only() {
        String own = SampleCodes.unique("F").toUpperCase();
        String sameSite = SampleCodes.unique("F").toUpperCase();
        String crossSite = SampleCodes.unique("F").toUpperCase();

        assertThat(browser.get("/api/v1/stores").statusCode()).isEqualTo(200);
        assertThat(browser.fetch("POST", "/api/v1/stores", json(own), "same-origin").statusCode()).isEqualTo(201);
        HttpResponse<String> fromSibling = browser.fetch("POST", "/api/v1/stores", json(sameSite), "same-site");
        HttpResponse<String> fromElsewhere = browser.fetch("POST", "/api/v1/stores", json(crossSite), "cross-site");

        api.expectProblem(403, fromSibling);
        api.expectProblem(403, fromElsewhere);
        assertNoStore(sameSite);
        assertNoStore(crossSite);
    }

    @Test
    void api_clients_with_a_bearer_token_and_no_cookie_are_not_concerned() {
        String code = SampleCodes.unique("B").toUpperCase();

        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), apiStore(code)));
    }

    @Test
    void the_sign_in_form_sent_by_another_site_is_refused() {
        ConsoleClient stranger = new ConsoleClient(vitrine);

        HttpResponse<String> answer = stranger.postFromAnotherSite("/console/login",
                Map.of("username", merchant.admin().username(), "password", merchant.admin().password()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ConsoleClient.COOKIE + "="));
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(vitrine.uri(path)).header("Cookie", browser.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private void assertNoStore(String code) {
        api.expectProblem(404, api.get("/api/v1/stores/" + code, merchant.admin().token()));
    }

    private static Map<String, String> store(String code) {
        Map<String, String> store = new LinkedHashMap<>();
        store.put("code", code);
        store.put("name", "Store " + code);
        store.put("kind", "CONVENIENCE_STORE");
        store.put("address", "1 Qianhai Rd");
        store.put("district", "440305");
        store.put("warehouseCode", "CS-01");
        return store;
    }

    private static Map<String, Object> apiStore(String code) {
        return new LinkedHashMap<>(store(code));
    }

    private static String json(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Store\",\"kind\":\"CONVENIENCE_STORE\",\"address\":\"1 Qianhai Rd\","
                + "\"district\":\"440305\",\"warehouseCode\":\"CS-01\"}";
    }
}
