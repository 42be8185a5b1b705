package io.vitrine.api.security;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.DevicesApi;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.api.testing.Routes;
import io.vitrine.api.testing.Routes.Route;
import io.vitrine.tenants.devices.signing.RequestSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input sweep (issue #10): every route the router knows — so a new endpoint is swept without anyone
 * listing it — gets the fixed corpus of {@link HostileCorpus} as its body (by what it consumes: JSON, forms,
 * multipart, CSV/XLSX, XML), hostile values in its path variables, and hostile query parameters, sent as a caller
 * the route admits (its role's token, a signed POS or partner device, the customs secret, a console form from our
 * own pages). Each answer: never 5xx; an API error is problem+json, a page's error a page; and the database is the
 * same afterwards ({@link DatabaseState}: every row's content, not only the counts).
 *
 * <p>On an application of its own ({@link EmbeddedHostileInputTest} on H2, {@link ClusterHostileInputTest} on MariaDB
 * and Redis): the customs HTTP receipt channel open (so its XML route is swept), limits wide (so the sweep reaches the
 * bodies instead of 429), and no background alerts or reconciliations moving rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputSuite {

    private static final String CUSTOMS_SECRET = "hostile-input-customs-secret";
    /**
     * What a route may write whatever the corpus sends, by design, with why. Everything else must stay as it was.
     */
    private static final Map<String, java.util.Set<String>> RECORDED_BY_DESIGN = Map.of(
            // customs' 179 request for an order nobody declared is well-formed (numbers read as their digits) and is
            // recorded with its 20000 answer (customs README "The 179 payment data request")
            "POST /api/v1/customs/payment-data-requests", java.util.Set.of("payment_data_requests"),
            // an import takes any file as a job (202) and refuses its rows in the job's report; the upload and its
            // audit line stay (catalog README "Import and export", tenants README "Bulk store import")
            "POST /api/v1/products:import", java.util.Set.of("audit_events", "stored_files", "stored_file_chunks"),
            "POST /api/v1/stores:import", java.util.Set.of("audit_events", "stored_files", "stored_file_chunks"),
            // every variable is optional and an absent one goes back to its default: a body naming none is a valid reset
            "PUT /api/v1/tenant/theme", java.util.Set.of("audit_events", "tenant_themes"),
            "POST /console/theme", java.util.Set.of("audit_events", "tenant_themes"),
            // a logo is decoded (tenants.themes.LogoImage): junk behind an image signature is refused and changes
            // nothing; removing it takes no body
            "POST /console/theme/logo/remove", java.util.Set.of("audit_events", "tenant_themes", "stored_files",
                    "stored_file_chunks"),
            // every setting is optional, unknown keys are ignored: a body naming none is a valid, empty change
            "PUT /api/v1/tenant/settings", java.util.Set.of("audit_events", "tenant_settings"));

    private RunningVitrine vitrine;
    private TenantsApi api;
    private List<Route> routes;
    private Park park;
    private Merchant merchant;
    private String store;
    private DevicesApi.Pos pos;
    private DevicesApi.Pos partner;
    private RequestSigner signer;

    /** The application under test, started with these properties. */
    abstract RunningVitrine start(Map<String, Object> properties);

    @BeforeAll
    void boot() {
        vitrine = start(Map.of(
                "vitrine.customs.receipts.http.enabled", true,
                "vitrine.customs.receipts.http.shared-secret", CUSTOMS_SECRET,
                "vitrine.auth.login.address-limit.permits", 100_000,
                "vitrine.auth.login.account-limit.permits", 100_000,
                "vitrine.storefront.search.address-limit.permits", 100_000,
                "vitrine.devices.offline-check-enabled", false,
                "vitrine.payments.alipay.reconciliation.daily-enabled", false));
        api = new TenantsApi(vitrine);
        signer = new RequestSigner(vitrine.bean(Clock.class));
        DevicesApi devices = new DevicesApi(vitrine);
        park = devices.parkWithWarehouse("HX-01");
        merchant = api.merchant(park);
        store = devices.store(merchant, "HX-01", "Hostile input shop");
        api.expect(201, api.post("/api/v1/products", merchant.admin().token(), CatalogSamples.formula("HX-SKU-1", "HX-01")));
        pos = devices.pos(merchant, store);
        partner = devices.pos(merchant, null);
        routes = Routes.of(vitrine);
        untilQuiet();
    }

    /**
     * The fixture's own consequences (the outbox delivering the new product to the POS feed) finish before the sweep
     * compares anything: the database unchanged across two looks a second apart, or after 30 looks whatever it is.
     */
    private void untilQuiet() {
        Map<String, String> last = DatabaseState.of(vitrine);
        for (int look = 0; look < 30; look++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<String, String> now = DatabaseState.of(vitrine);
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    @AfterAll
    void stop() {
        vitrine.close();
    }

    Stream<Route> routesTakingABody() {
        return routes.stream().filter(Route::isWrite).filter(route -> route.takesBody()
                || route.consumes("application/x-www-form-urlencoded") || route.consumes("multipart/form-data"));
    }

    Stream<Route> routesWithVariables() {
        return routes.stream().filter(route -> !route.variables().isEmpty());
    }

    Stream<Route> reads() {
        return routes.stream().filter(route -> route.method().name().equals("GET"));
    }

    @Test
    void the_sweep_sees_the_endpoints_of_every_kind() {
        assertThat(routes).extracting(Route::toString).contains("POST /pos/v1/events",
                "POST /api/v1/payments/alipay/notify", "POST /api/v1/customs/receipts", "POST /api/v1/auth/login",
                "POST /console/stores", "POST /s/{tenant}/api/orders");
        assertThat(routesTakingABody().count()).isGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesTakingABody")
    void hostile_bodies_are_refused_without_a_server_error_or_a_change(Route route) {
        String path = route.expand(this::fixtureValue);
        Map<String, String> before = DatabaseState.of(vitrine);
        List<String> failures = new ArrayList<>();

        for (HostileCorpus.Body body : corpusFor(route)) {
            check(route, path, body, failures);
        }
        check(route, path, new HostileCorpus.Body("10 MiB + 1", contentTypeOf(route), HostileCorpus.overLimit()), failures);

        assertThat(failures).as(route.toString()).isEmpty();
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine)))
                .filteredOn(change -> !RECORDED_BY_DESIGN.getOrDefault(route.toString(), java.util.Set.of())
                        .contains(change.split(" ")[0]))
                .as("%s changed the database", route).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesWithVariables")
    void hostile_path_values_are_refused_without_a_server_error_or_a_change(Route route) {
        Map<String, String> before = DatabaseState.of(vitrine);
        List<String> failures = new ArrayList<>();

        for (String value : HostileCorpus.pathValues()) {
            String path = route.expand(variable -> value);
            HostileCorpus.Body body = route.isWrite() ? new HostileCorpus.Body("{}", "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)) : null;
            check(route, path, body, failures);
        }

        assertThat(failures).as(route.toString()).isEmpty();
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine))).as("%s changed the database", route).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void hostile_query_parameters_are_refused_without_a_server_error(Route route) {
        String path = route.expand(this::readValue);
        Map<String, String> before = DatabaseState.of(vitrine);
        List<String> failures = new ArrayList<>();

        for (String value : List.of(HostileCorpus.enc(HostileCorpus.SQL), HostileCorpus.enc(HostileCorpus.SCRIPT),
                "-1", "99999999999999999999999", "1e999", "%00", "%ED%A0%80", HostileCorpus.enc(HostileCorpus.TRAVERSAL),
                "A".repeat(4000))) {
            check(route, path + "?" + HostileCorpus.hostileQuery(value), null, failures);
        }

        assertThat(failures).as(route.toString()).isEmpty();
        // a park's reads of a member are audited by design (PARK_READ_*): the only rows a read may add
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine)))
                .filteredOn(change -> !change.startsWith("audit_events ")).as("%s changed the database", route).isEmpty();
    }

    @Test
    void a_pos_batch_of_hostile_events_is_answered_event_by_event_and_applies_none() {
        Map<String, String> before = DatabaseState.of(vitrine);
        HostileCorpus.Body batch = HostileCorpus.posBatch();
        Route events = routes.stream().filter(r -> r.toString().equals("POST /pos/v1/events")).findFirst().orElseThrow();

        HttpResponse<String> answer = send(events, "/pos/v1/events", batch);

        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 400);
        if (answer.statusCode() == 200) {
            assertThat(answer.body()).doesNotContain("\"ACCEPTED\"").doesNotContain("<script>");
        }
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine))).isEmpty();
    }

    @Test
    void a_forged_alipay_notify_is_refused_and_pays_nothing() {
        Map<String, String> before = DatabaseState.of(vitrine);
        Route notify = routes.stream().filter(r -> r.toString().equals("POST /api/v1/payments/alipay/notify"))
                .findFirst().orElseThrow();

        for (String orderNo : List.of("V2612010000000001", HostileCorpus.enc(HostileCorpus.SQL), "")) {
            HttpResponse<String> answer = send(notify, "/api/v1/payments/alipay/notify", HostileCorpus.forgedNotify(orderNo));
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.body()).isNotEqualTo("success");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine))).isEmpty();
    }

    @Test
    void receipt_xml_with_entities_or_depth_is_refused_and_nothing_is_recorded() {
        Map<String, String> before = DatabaseState.of(vitrine);
        Route receipts = routes.stream().filter(r -> r.toString().equals("POST /api/v1/customs/receipts"))
                .findFirst().orElseThrow();

        for (HostileCorpus.Body xml : HostileCorpus.xml()) {
            HttpResponse<String> answer = send(receipts, "/api/v1/customs/receipts", xml);
            assertThat(answer.statusCode()).as("%s: %s", xml, answer.body()).isBetween(200, 499);
            assertThat(answer.body()).as(xml.toString()).doesNotContain("root:").doesNotContain("lollollol");
            if (xml.name().startsWith("XXE") || xml.name().equals("billion laughs")) {
                assertThat(answer.statusCode()).as("%s: %s", xml, answer.body()).isEqualTo(400);
            }
        }
        assertThat(DatabaseState.differences(before, DatabaseState.of(vitrine))).isEmpty();
    }

    // ---- sending

    private void check(Route route, String path, HostileCorpus.Body body, List<String> failures) {
        String what = route + " " + (body == null ? path.length() > 200 ? path.substring(0, 200) + "…" : path : body);
        HttpResponse<String> answer;
        try {
            answer = sendRetryingOnce(route, path, body);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // the client refusing to send an address (IllegalArgumentException) proves nothing about us; a reset
            // connection is only acceptable for a body past the limit, which the server may cut short
            if (!(e instanceof IllegalArgumentException) && (body == null || body.bytes().length < HostileCorpus.HUGE_OVER_LIMIT)) {
                failures.add(what + ": " + e);
            }
            return;
        }
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + abbreviated(answer.body()));
        } else if (status >= 400 && isApi(path) && !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " as " + type + ", not problem+json");
        } else if (status >= 400 && !isApi(path) && !type.startsWith("application/problem+json") && !type.startsWith("text/html")) {
            failures.add(what + " -> " + status + " as " + type + ", neither a page nor problem+json");
        }
    }

    /**
     * A connection the server closed after answering the previous request (as it does after refusing a malformed
     * request line or an oversized body) may still be in the client's pool: a request that finds it closed before any
     * answer is sent once more, on a new connection.
     */
    private HttpResponse<String> sendRetryingOnce(Route route, String path, HostileCorpus.Body body) {
        try {
            return send(route, path, body);
        } catch (UncheckedIOException closed) {
            return send(route, path, body);
        }
    }

    private HttpResponse<String> send(Route route, String path, HostileCorpus.Body body) {
        String method = route.method().name();
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Idempotency-Key", "hostile-" + UUID.randomUUID())
                .header("Sec-Fetch-Site", "same-origin")
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        if (path.startsWith("/pos/") || path.startsWith("/api/v1/logistics/")) {
            DevicesApi.Pos device = path.startsWith("/pos/") ? pos : partner;
            signer.sign(device.key(), device.secret().getBytes(StandardCharsets.US_ASCII), method, path, bytes)
                    .asMap().forEach(request::header);
        } else if (path.startsWith("/api/v1/customs/")) {
            request.header("X-Customs-Token", CUSTOMS_SECRET);
        } else if (!route.isAnonymous() || path.startsWith("/console")) {
            String token = tokenFor(route);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        }
        return vitrine.send(request.build());
    }

    private String tokenFor(Route route) {
        if (route.isAnonymous()) {
            return null;
        }
        return switch (route.role()) {
            case "PARK_ADMIN" -> park.admin().token();
            case "PLATFORM_ADMIN" -> api.platformAdminToken();
            default -> merchant.admin().token();
        };
    }

    private List<HostileCorpus.Body> corpusFor(Route route) {
        if (route.consumes("application/xml") || route.consumes("text/xml")) {
            return HostileCorpus.xml();
        }
        if (route.consumes("multipart/form-data")) {
            return HostileCorpus.multipart();
        }
        if (route.consumes("application/x-www-form-urlencoded")) {
            return HostileCorpus.form();
        }
        if (route.consumes("text/csv")) {
            return HostileCorpus.tabular("text/csv");
        }
        return HostileCorpus.json();
    }

    private static String contentTypeOf(Route route) {
        return route.consumes().isEmpty() ? "application/json" : route.consumes().get(0).toString();
    }

    /**
     * The real shop and park (a storefront or an application form of an unknown one stops before its body), and for
     * everything else a name of nothing: a write on a named resource then binds and checks its body and finds no
     * resource, so whatever the body, nothing may change. Creating routes name no resource and check the body whole.
     */
    private String fixtureValue(String variable) {
        return switch (variable) {
            case "tenant" -> merchant.slug();
            case "parkSlug" -> park.slug();
            default -> "HOSTILE-" + SampleCodes.unique("n").toUpperCase();
        };
    }

    /** For reads: the fixture's real resources, so the hostile query reaches the page or list it filters. */
    private String readValue(String variable) {
        return switch (variable) {
            case "tenant", "tenantSlug", "slug" -> merchant.slug();
            case "parkSlug" -> park.slug();
            case "code", "storeCode" -> store;
            case "warehouseCode" -> "HX-01";
            case "sku" -> "HX-SKU-1";
            default -> "HOSTILE-" + SampleCodes.unique("n").toUpperCase();
        };
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/pos/") || path.matches("/s/[^/]+/api/.*");
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
