package io.vitrine.api.storefront;

import com.sun.net.httpserver.HttpServer;
import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;

/**
 * A shop that takes orders through the real placement path: an embedded application of its own whose Alipay
 * gateway is the in-process fake, the fake's notifies reaching the real notify endpoint through a relay (the
 * application's port is only known once it runs). The shop is {@link ShopFixture}'s, with the formula HS code on
 * the positive list (the cream's is not), 100 units of A2 and 50 of the cream and the vitamins in stock, and A2
 * also in a second warehouse WH-2. Used by {@link OrdersHttpTest} (embedded and cluster) and the console's order
 * pages' tests.
 */
public final class AlipayShop implements AutoCloseable {

    public static final String FORMULA = A2;

    private final FakeAlipay fake = FakeAlipay.start();
    private final List<String> relayed = new CopyOnWriteArrayList<>();
    /** The shop's alert webhook: answers 503 to each alert's first post, then 200 (each body kept). */
    private final List<String> alertPosts = new CopyOnWriteArrayList<>();
    private final HttpServer relay;
    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ShopFixture shop;

    private AlipayShop(Function<Map<String, Object>, RunningVitrine> application) throws IOException {
        relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        relay.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            relayed.add(body);
            HttpResponse<String> answer = postNotify(body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        relay.createContext("/alerts", exchange -> {
            String alert = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean firstPost = !alertPosts.contains(alert);
            alertPosts.add(alert);
            // each alert's first post fails: the outbox must retry it
            exchange.sendResponseHeaders(firstPost ? 503 : 200, -1);
            exchange.close();
        });
        relay.start();
        vitrine = application.apply(Map.of(
                "vitrine.alerts.webhook.allow-private-addresses", true, // the webhook receiver is on loopback
                "vitrine.payments.alipay.gateway-url", fake.gatewayUrl().toString(),
                "vitrine.payments.alipay.notify-url", "http://127.0.0.1:" + relay.getAddress().getPort() + "/notify",
                "vitrine.orders.close-enabled", false));
        api = new TenantsApi(vitrine);
        PositiveListUpload.put(api, "hsCode\n" + CatalogSamples.FORMULA_HS + "\n");
        shop = new ShopFixture(api);
        api.expect(201, api.post("/api/v1/parks/" + shop.park.slug() + "/warehouses", shop.park.admin().token(),
                Map.of("code", "WH-2", "name", "Bonded 2", "emsNo", "T5349W8", "customsCode", "5349", "areaCode",
                        "5349W", "operatorUscc", SampleCodes.uscc())));
        shop.create(CatalogSamples.formula("A2-WH2", "WH-2"));
        api.expect(200, api.put("/api/v1/stock/WH-1/" + CREAM, shop.token(), Map.of("quantity", 50)));
        api.expect(200, api.put("/api/v1/stock/WH-1/" + A2, shop.token(), Map.of("quantity", 100)));
        api.expect(200, api.put("/api/v1/stock/WH-2/A2-WH2", shop.token(), Map.of("quantity", 50)));
        api.expect(200, api.put("/api/v1/stock/WH-1/" + VITAMIN, shop.token(), Map.of("quantity", 50)));
        api.expect(200, api.put("/api/v1/stores/S1/assortment", shop.token(),
                Map.of("skus", List.of(A2, APTAMIL, CREAM, VITAMIN, "A2-WH2"))));
        String appId = "20210000007" + ThreadLocalRandom.current().nextInt(10000, 99999);
        KeyPair keys = RsaKeys.generate();
        fake.registerApp(appId, RsaKeys.publicKeyText(keys));
        api.expect(200, api.put("/api/v1/tenant/settings", shop.token(), Map.of("alipay", Map.of("appId", appId,
                "appPrivateKey", RsaKeys.privateKeyText(keys), "alipayPublicKey", fake.alipayPublicKey()),
                "alertWebhookUrl", "http://127.0.0.1:" + relay.getAddress().getPort() + "/alerts")));
    }

    /** In an embedded application (H2, in-process cache). */
    public static AlipayShop start() {
        return start(OwnVitrine::embedded);
    }

    /** In the application this starts from the Alipay properties (embedded or cluster: {@link OwnVitrine}). */
    public static AlipayShop start(Function<Map<String, Object>, RunningVitrine> application) {
        try {
            return new AlipayShop(application);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunningVitrine vitrine() {
        return vitrine;
    }

    public TenantsApi api() {
        return api;
    }

    public FakeAlipay fake() {
        return fake;
    }

    public Merchant merchant() {
        return shop.merchant;
    }

    public TenantsApi.Park park() {
        return shop.park;
    }

    ShopFixture shop() {
        return shop;
    }

    public String slug() {
        return shop.slug();
    }

    /** The retailer admin's bearer token. */
    public String token() {
        return shop.token();
    }

    public TenantId tenant() {
        return shop.tenant();
    }

    /** What the shop's alert webhook received, in order (the first post was answered 503). */
    List<String> alertPosts() {
        return alertPosts;
    }

    /** The notifies the fake sent, in order. */
    List<String> relayed() {
        return relayed;
    }

    /**
     * An order of {@code quantity} units of one SKU at S1 by a fresh buyer, placed (with these request headers: a
     * kiosk's {@code Cookie}, say) and not paid: its number.
     */
    public String placeOrder(String sku, int quantity, String payMethod, String... headers) {
        return (String) api.expect(201, post("orders", order(cart(sku, quantity), newBuyer(), payMethod), headers))
                .get("orderNo");
    }

    /** A kiosk registered at this store by the retailer admin and paired as its page does. */
    public record PairedKiosk(String deviceKey, String cookie) {
    }

    /** Registers a kiosk at the store and pairs it with its one-time code: its key and device cookie. */
    public PairedKiosk pairKiosk(String storeCode) {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", shop.token(),
                Map.of("storeCode", storeCode, "kind", "KIOSK")));
        HttpResponse<String> paired = api.post("/s/" + shop.slug() + "/kiosk/" + storeCode + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode")));
        api.expect(200, paired);
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        return new PairedKiosk((String) kiosk.get("deviceKey"), setCookie.substring(0, setCookie.indexOf(';')));
    }

    /** The buyer pays on the fake; its notify reaches the application. */
    public FakeAlipay.Payment pay(String orderNo) {
        return fake.pay(orderNo);
    }

    /** Customs releases the paid order (its 800 receipt): declaring, then released, through {@link Clearances}. */
    public void release(String orderNo) {
        Clearances clearances = vitrine.bean(Clearances.class);
        TenantContext.callAs(tenant(), () -> clearances.declaring(orderNo) | clearances.released(orderNo));
    }

    static Map<String, Object> order(String cartId, String idNumber, String payMethod) {
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cartId);
        body.put("storeCode", "S1");
        body.put("buyer", Map.of("name", "张三", "idNumber", idNumber, "phone", "13800138000"));
        body.put("consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                "address", "广东省深圳市南山区科技园1号"));
        body.put("consent", true);
        if (payMethod != null) {
            body.put("payMethod", payMethod);
        }
        return body;
    }

    String cart(String sku, int quantity) {
        return cart(Map.of(sku, quantity));
    }

    String cart(Map<String, Integer> lines) {
        String cartId = (String) api.expect(201, post("carts", Map.of("storeCode", "S1"))).get("cartId");
        lines.forEach((sku, qty) -> api.expect(200, api.put(path("carts/" + cartId + "/items/" + sku), null,
                Map.of("qty", qty))));
        return cartId;
    }

    HttpResponse<String> post(String what, Object body, String... headers) {
        return api.send("POST", path(what), null, body, headers);
    }

    String path(String what) {
        return "/s/" + shop.slug() + "/api/" + what;
    }

    HttpResponse<String> postNotify(String body) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/v1/payments/alipay/notify"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A fresh valid ID number, so each order has a buyer of its own in the platform-wide quota ledger. */
    public static String newBuyer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = String.format("110105%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Override
    public void close() {
        vitrine.close();
        relay.stop(0);
        fake.close();
    }

    /** The platform admin's positive-list upload. */
    private static final class PositiveListUpload {
        static void put(TenantsApi api, String csv) {
            HttpResponse<String> answer = api.vitrine().send(HttpRequest.newBuilder(
                            api.vitrine().uri("/api/v1/positive-list"))
                    .header("Content-Type", "text/csv")
                    .header("Authorization", "Bearer " + api.platformAdminToken())
                    .PUT(HttpRequest.BodyPublishers.ofString(csv)).build());
            if (answer.statusCode() / 100 != 2) {
                throw new UncheckedIOException(new IOException("positive list: " + answer.statusCode() + " "
                        + answer.body()));
            }
        }
    }
}
