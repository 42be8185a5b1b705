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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on every HTML answer (issue #10 "Web security"): every GET route the router knows, anonymous and
 * signed in, with the fixture's real slugs and codes in its address; each HTML answer — page, error page, 404 —
 * carries the strict Content-Security-Policy (no {@code 'unsafe-inline'}, {@code frame-ancestors 'none'}),
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and a Referrer-Policy. The templates are
 * what makes the strict policy possible: none has inline script, style or event handler (checked below too).
 * Cookies: HttpOnly and SameSite=Strict always, Secure behind a TLS-terminating proxy.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    private static final Path TEMPLATES = Path.of("..", "storefront-templates", "src", "main", "resources", "templates");

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private String store;

    SecurityHeadersTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aShop() {
        DevicesApi devices = new DevicesApi(vitrine);
        Park park = devices.parkWithWarehouse("SH-01");
        merchant = api.merchant(park);
        store = devices.store(merchant, "SH-01", "Headers shop");
        api.expect(201, api.post("/api/v1/products", merchant.admin().token(), CatalogSamples.formula("SH-SKU-1", "SH-01")));
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", merchant.admin().token(),
                java.util.Map.of("skus", List.of("SH-SKU-1"))));
    }

    @Test
    void every_html_answer_carries_the_strict_policy_and_the_other_headers() {
        List<Route> reads = Routes.of(vitrine).stream().filter(r -> r.method().name().equals("GET")).toList();
        List<String> pages = new ArrayList<>();
        List<String> failures = new ArrayList<>();

        for (Route route : reads) {
            String path = route.expand(this::fixtureValue);
            for (String token : new String[]{null, merchant.admin().token()}) {
                HttpResponse<String> answer = get(path, token);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                if (!type.startsWith("text/html") || route.template().startsWith("/swagger-ui")) {
                    continue;
                }
                pages.add(answer.statusCode() + " " + path);
                String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
                if (!policy.equals(SecurityHeaders.PAGE_POLICY)
                        || !answer.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")
                        || answer.headers().firstValue("Referrer-Policy").isEmpty()) {
                    failures.add(answer.statusCode() + " " + path + ": " + answer.headers().map());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(pages).as("pages seen").hasSizeGreaterThan(40)
                .anyMatch(p -> p.startsWith("200 /console")).anyMatch(p -> p.startsWith("200 /s/"))
                .anyMatch(p -> p.startsWith("404 "));
    }

    @Test
    void error_pages_and_unknown_pages_carry_them_too() {
        HttpResponse<String> unknownShop = vitrine.get("/s/no-such-shop-anywhere/");
        HttpResponse<String> unknownConsolePage = get("/console/stores/NO-SUCH-STORE", merchant.admin().token());

        for (HttpResponse<String> answer : List.of(unknownShop, unknownConsolePage)) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PAGE_POLICY);
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void swagger_ui_keeps_its_inline_script_but_may_not_be_framed() {
        HttpResponse<String> ui = vitrine.get("/swagger-ui/index.html");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.SWAGGER_POLICY);
        assertThat(SecurityHeaders.SWAGGER_POLICY).contains("frame-ancestors 'none'");
    }

    @Test
    void answers_that_are_not_pages_get_no_page_policy_but_nosniff() {
        HttpResponse<String> css = vitrine.get("/s/" + merchant.slug() + "/theme.css");

        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void the_templates_have_no_inline_script_style_or_handler_so_the_strict_policy_holds() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                String text = Files.readString(file);
                if (inline.matcher(text).find()) {
                    offending.add(file.toString());
                }
            }
        }

        assertThat(Files.isDirectory(TEMPLATES)).isTrue();
        assertThat(offending).isEmpty();
    }

    @Test
    void behind_a_tls_proxy_the_sign_in_cookie_is_secure_and_https_is_insisted_on() {
        HttpResponse<String> overProxy = signIn("https");
        HttpResponse<String> plain = signIn(null);

        assertThat(overProxy.statusCode()).isEqualTo(303);
        assertThat(staffCookie(overProxy)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(overProxy.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(staffCookie(plain)).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpResponse<String> signIn(String forwardedProto) {
        String form = "username=" + URLEncoder.encode(merchant.admin().username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(merchant.admin().password(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return vitrine.send(request.build());
    }

    private static String staffCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vitrine_staff="))
                .findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path)).GET().header("Accept", "text/html");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return vitrine.send(request.build());
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private String fixtureValue(String variable) {
        return switch (variable) {
            case "tenant", "tenantSlug", "slug" -> merchant.slug();
            case "code", "storeCode" -> store;
            case "warehouseCode" -> "SH-01";
            case "sku" -> "SH-SKU-1";
            default -> "headers-none";
        };
    }
}
