package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the customs suites ({@code customs-pipeline}, {@code customs-effectively-once}, {@code returns}) set up and
 * read alike: the packaged application's environment (cluster mode, a signer, the built-in simulator answering at once,
 * the fake Alipay), each shop's Alipay app and customs identity set through the settings API, and its logistics partner
 * (a PARTNER device) that posts waybills and received returns as signed requests; the shopper threads; the JDBC reads
 * of the run's database.
 */
final class CustomsPark {

    static final String JWT_SECRET = "vitrine-bench-" + Long.toString(System.nanoTime(), 36) + "-0123456789abcdefghijklmnop";
    static final String SF = "4403180ABC";

    /** A shop's logistics partner: a PARTNER device registered through the API. */
    record Partner(String key, byte[] secret) {
    }

    /** The signer the application is given: a PKCS#12 made for the run. */
    record Signer(SignatureAlgorithm algorithm, DigestAlgorithm digest, Path keyStore, String password) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final RequestSigner requests = new RequestSigner(Clock.systemUTC());

    HttpClient http() {
        return http;
    }

    /** The run's signer: {@code key} in a PKCS#12 written to the database's data directory, a random password. */
    static Signer signer(BenchDatabase database, SigningKey key, SignatureAlgorithm algorithm, DigestAlgorithm digest)
            throws Exception {
        char[] password = BenchDatabase.randomKey().toCharArray();
        Path keyStore = TestKeys.writePkcs12(database.dataDir().resolve("declarant.p12"), key, "declarant", password);
        return new Signer(algorithm, digest, keyStore, new String(password));
    }

    /** The Elasticsearch cluster mode needs ({@code --es-url} or VITRINE_BENCH_ES_URL): required. */
    static String esUrl(BenchOptions given) {
        String esUrl = given.esUrl();
        if (esUrl == null) {
            throw new IllegalArgumentException("cluster mode needs Elasticsearch: --es-url or VITRINE_BENCH_ES_URL");
        }
        return esUrl;
    }

    static Map<String, String> environment(BenchDatabase database, FakeAlipay alipay, int port, String esUrl,
                                           Signer signer) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "cluster");
        env.put("VITRINE_JWT_SECRET", JWT_SECRET);
        env.put("VITRINE_DEMO_ENABLED", "false");
        env.put("VITRINE_LOG_FORMAT", "text");
        env.put("VITRINE_DATA_DIR", database.dataDir().toString());
        env.put("VITRINE_DB_URL", database.mariaDbJdbcUrl().orElseThrow());
        env.put("VITRINE_DB_USER", BenchDatabase.mariaDbUser());
        env.put("VITRINE_DB_PASSWORD", BenchDatabase.mariaDbPassword());
        // cluster mode does not start without Elasticsearch (and its health checks it); the products are few and
        // not what is measured, so the search index is the embedded one
        env.put("VITRINE_ES_URLS", esUrl);
        env.put("VITRINE_SEARCH_BACKEND", "lucene");
        String prefix = "bench-customs-" + Long.toString(System.nanoTime(), 36);
        env.put("REDIS_URI", System.getenv().getOrDefault("VITRINE_BENCH_REDIS_URI", "redis://127.0.0.1:6379"));
        env.put("VITRINE_REDIS_KEY_PREFIX", prefix);
        BenchDatabase.putPrivacyKeys(env);
        env.put("VITRINE_PAYMENTS_ALIPAY_GATEWAY_URL", alipay.gatewayUrl().toString());
        env.put("VITRINE_PAYMENTS_ALIPAY_NOTIFY_URL", "http://127.0.0.1:" + port + "/api/v1/payments/alipay/notify");
        env.put("VITRINE_OUTBOX_POLL_INTERVAL", "200ms");
        env.put("VITRINE_CUSTOMS_SIGNER_ENABLED", "true");
        env.put("VITRINE_CUSTOMS_SIGNER_ALGORITHM", signer.algorithm().name());
        env.put("VITRINE_CUSTOMS_SIGNER_DIGEST", signer.digest().name());
        env.put("VITRINE_CUSTOMS_SIGNER_KEY_STORE", signer.keyStore().toString());
        env.put("VITRINE_CUSTOMS_SIGNER_KEY_STORE_PASSWORD", signer.password());
        env.put("VITRINE_CUSTOMS_SIMULATOR_ENABLED", "true");
        env.put("VITRINE_CUSTOMS_SIMULATOR_POLL_INTERVAL", "200ms");
        env.put("VITRINE_CUSTOMS_SIMULATOR_FIRST_ANSWER_DELAY", "0s");
        env.put("VITRINE_CUSTOMS_SIMULATOR_ANSWER_INTERVAL", "0s");
        env.put("VITRINE_CUSTOMS_RECEIPTS_INTERVAL", "200ms");
        return env;
    }

    /** Each shop's Alipay app and customs identity set as its admin would, and its logistics partner registered. */
    Map<String, Partner> configure(URI app, FakeAlipay alipay, List<CheckoutShops.Shop> shops) throws Exception {
        BenchTokens tokens = new BenchTokens(JWT_SECRET);
        Map<String, Partner> partners = new HashMap<>();
        for (int i = 0; i < shops.size(); i++) {
            CheckoutShops.Shop shop = shops.get(i);
            String appId = String.format(Locale.ROOT, "2021000%09d", 200_000 + i);
            KeyPair keys = RsaKeys.generate();
            alipay.registerApp(appId, RsaKeys.publicKeyText(keys));
            Map<String, Object> settings = Map.of(
                    "alipay", Map.of("appId", appId, "appPrivateKey", RsaKeys.privateKeyText(keys),
                            "alipayPublicKey", alipay.alipayPublicKey()),
                    "customs", Map.of("ebcCode", String.format(Locale.ROOT, "14019600%02d", 10 + i),
                            "ebcName", "基准测试跨境电商 " + i));
            send(app, "PUT", "/api/v1/tenant/settings", tokens.retailerAdmin(shop.tenant()), settings, 200);
            Map<?, ?> device = json.readValue(send(app, "POST", "/api/v1/devices", tokens.retailerAdmin(shop.tenant()),
                    Map.of("kind", "PARTNER"), 201), Map.class);
            partners.put(shop.tenant(), new Partner((String) device.get("deviceKey"),
                    ((String) device.get("secret")).getBytes(StandardCharsets.US_ASCII)));
        }
        return partners;
    }

    /**
     * The partner posts the order's waybill (SF, a number derived from the order number, so a re-post is the same
     * waybill); returns the answer's status (201 recorded or already there).
     */
    HttpResponse<String> postWaybill(URI app, Partner partner, String orderNo) throws Exception {
        String path = "/api/v1/logistics/waybills";
        byte[] body = json.writeValueAsBytes(Map.of("orderNo", orderNo, "logisticsCode", SF,
                "logisticsName", "顺丰速运", "logisticsNo", "SF" + orderNo.substring(orderNo.length() - 12)));
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        requests.sign(partner.key(), partner.secret(), "POST", path, body).asMap().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The warehouse partner posts that a return's goods are back (signed request, no body); the answer as is. */
    HttpResponse<String> postReturnReceived(URI app, Partner partner, String returnNo) throws Exception {
        String path = "/api/v1/logistics/returns/" + returnNo + "/received";
        byte[] body = new byte[0];
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        requests.sign(partner.key(), partner.secret(), "POST", path, body).asMap().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body (or none) and, when given, a bearer token; the answer as is. */
    HttpResponse<String> post(URI app, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code threads} threads named {@code name} + their number run {@code work} at once; returns when all are done. */
    static void parallel(int threads, String name, Runnable work) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            Thread thread = new Thread(work, name + c);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    /** A connection to the run's MariaDB database (the application's schema). */
    static Connection connect(String jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc, BenchDatabase.mariaDbUser(), BenchDatabase.mariaDbPassword());
    }

    /** The one number a query such as {@code SELECT COUNT(*) ...} answers. */
    static long single(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The rows of a query of two columns, a name and its count, put into {@code into}; returns {@code into}. */
    static <M extends Map<String, Long>> M countsBy(Connection connection, String query, M into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                into.put(rows.getString(1), rows.getLong(2));
            }
        }
        return into;
    }

    /** A timestamp the application wrote (UTC) as an instant. */
    static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private String send(URI app, String method, String path, String token, Object body, int expected)
            throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.resolve(path))
                .header("Authorization", token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }
}
