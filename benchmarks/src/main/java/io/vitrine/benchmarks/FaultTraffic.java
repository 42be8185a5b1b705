package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;
import io.vitrine.tools.fakealipay.Notifier;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The fault drill's background traffic, on one or more instances of the application (taken in turn): shoppers
 * searching and reading product pages, shoppers checking out and paying through the fake Alipay (one in ten places
 * its order and walks away, so its reservation expires), the logistics partner posting each paid order's waybill, and
 * a member of staff changing a product's price every second. Every answer goes to the {@link FaultRecorder}; every
 * price change that was accepted is remembered with its time, for the search probe. The drill adds the POS tills
 * ({@link FaultTills}) and the returns ({@link FaultReturns}) as further threads ({@link #spawn}).
 */
final class FaultTraffic implements AutoCloseable {

    static final List<String> ENDPOINTS = List.of("search", "search degraded", "product page", "cart", "cart line",
            "place order", "Alipay notify", "order read", "waybill", "staff price", "pos feed", "pos events",
            "return request", "return approve", "return received");

    /** A placed order as its shopper knows it: the shop, the one SKU bought, the order's token. */
    record Bought(String tenant, String slug, String sku, String token) {
    }

    /** A price change the API accepted: the product, its barcode, the new price, when (recorder ms). */
    record PriceChange(String tenant, String slug, String sku, String gtin, long priceFen, long atMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = URLEncoder.encode("爱他美", StandardCharsets.UTF_8);
    private static final Set<String> WRITABLE = Set.of("sku", "gtin", "nameZh", "nameEn", "brand", "categoryPath", "hsCode",
            "itemRecordNo", "originCountry", "unit", "unit1", "qty1PerUnit", "unit2", "qty2PerUnit", "grossWeightKg",
            "netWeightKg", "vatRate", "consumptionTaxRate", "mfnTariffRate", "tradeMode", "warehouseCode", "priceFen",
            "images", "descriptionZh", "descriptionEn");

    private final Supplier<List<URI>> instances;
    private final FakeAlipay alipay;
    private final List<CheckoutShops.Shop> shops;
    private final Map<String, CustomsPark.Partner> partners;
    private final CustomsPark park;
    private final BenchTokens tokens;
    private final FaultRecorder recorder;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    /** order number → tenant, of every order placed */
    final Map<String, String> placed = new ConcurrentHashMap<>();
    /** order number → what its shopper knows, of every order placed */
    final Map<String, Bought> bought = new ConcurrentHashMap<>();
    /** orders whose shopper walked away before paying */
    final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    final Set<String> notifyAcknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> waybilled = ConcurrentHashMap.newKeySet();
    final List<PriceChange> priceChanges = java.util.Collections.synchronizedList(new ArrayList<>());

    FaultTraffic(Supplier<List<URI>> instances, FakeAlipay alipay, List<CheckoutShops.Shop> shops,
                 Map<String, CustomsPark.Partner> partners, CustomsPark park, BenchTokens tokens, FaultRecorder recorder) {
        this.instances = instances;
        this.alipay = alipay;
        this.shops = shops;
        this.partners = partners;
        this.park = park;
        this.tokens = tokens;
        this.recorder = recorder;
    }

    /** Starts the traffic: {@code browsers} searching/reading threads, {@code buyers} checkout threads, one staff. */
    void start(int browsers, int buyers) {
        for (int i = 0; i < browsers; i++) {
            spawn("fault-browser-" + i, this::browse, 100);
        }
        for (int i = 0; i < buyers; i++) {
            spawn("fault-buyer-" + i, this::checkout, 200);
        }
        spawn("fault-staff", this::changePrice, 1000);
    }

    FaultRecorder recorder() {
        return recorder;
    }

    /** A thread running {@code step} every {@code pauseMillis} until {@link #close}. */
    void spawn(String name, Runnable step, long pauseMillis) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step.run();
                } catch (RuntimeException unexpected) {
                    // recorded where it happened; the traffic goes on
                }
                RunningApplication.sleep(pauseMillis);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    /** The next instance, in turn. */
    URI base() {
        List<URI> all = instances.get();
        return all.get(Math.floorMod(turn.getAndIncrement(), all.size()));
    }

    private CheckoutShops.Shop anyShop() {
        return shops.get(ThreadLocalRandom.current().nextInt(shops.size()));
    }

    private void browse() {
        CheckoutShops.Shop shop = anyShop();
        URI base = base();
        HttpResponse<String> search = send("search", base, "GET", "/s/" + shop.slug() + "/api/search?q=" + QUERY + "&size=10",
                null, null);
        if (search == null) {
            return;
        }
        String sku = shop.skus().get(ThreadLocalRandom.current().nextInt(shop.skus().size()));
        send("product page", base, "GET", "/s/" + shop.slug() + "/api/products/" + sku + "?store=" + CheckoutShops.STORE,
                null, null);
    }

    private void checkout() {
        CheckoutShops.Shop shop = anyShop();
        URI base = base();
        String api = "/s/" + shop.slug() + "/api/";
        HttpResponse<String> cart = send("cart", base, "POST", api + "carts", Map.of("storeCode", CheckoutShops.STORE), null);
        if (cart == null || cart.statusCode() != 201) {
            return;
        }
        String cartId = json(cart).path("cartId").asText();
        String sku = shop.skus().get(ThreadLocalRandom.current().nextInt(shop.skus().size()));
        HttpResponse<String> line = send("cart line", base, "PUT", api + "carts/" + cartId + "/items/" + sku,
                Map.of("qty", 1), null);
        if (line == null || line.statusCode() != 200) {
            return;
        }
        Map<String, Object> order = Map.of("cartId", cartId, "storeCode", CheckoutShops.STORE, "payMethod", "ALIPAY_QR",
                "consent", true, "buyer", Map.of("name", "张三", "idNumber", Shopper.newBuyer(), "phone", "13800138000"),
                "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                        "address", "广东省深圳市南山区科技园1号"));
        HttpResponse<String> placedAnswer = send("place order", base, "POST", api + "orders", order,
                "fault-" + UUID.randomUUID());
        if (placedAnswer == null || placedAnswer.statusCode() != 201) {
            return;
        }
        JsonNode body = json(placedAnswer);
        String orderNo = body.path("orderNo").asText();
        placed.put(orderNo, shop.tenant());
        bought.put(orderNo, new Bought(shop.tenant(), shop.slug(), sku, body.path("orderToken").asText()));
        if (ThreadLocalRandom.current().nextInt(10) == 0) {
            abandoned.add(orderNo);
            return;
        }
        long started = System.nanoTime();
        try {
            FakeAlipay.Payment payment = alipay.pay(orderNo);
            Notifier.Delivery delivery = payment.notifies().isEmpty() ? null : payment.notifies().get(0);
            recorder.record("Alipay notify", delivery == null ? -1 : delivery.status(), started,
                    delivery == null ? null : delivery.body());
            if (delivery != null && delivery.acknowledged()) {
                notifyAcknowledged.add(orderNo);
            } else {
                return;
            }
        } catch (RuntimeException e) {
            recorder.record("Alipay notify", -1, started, e.toString());
            return;
        }
        send("order read", base, "GET", api + "orders/" + orderNo + "?token=" + body.path("orderToken").asText(), null, null);
        postWaybill(orderNo);
    }

    /** The partner posts the order's waybill (201, or 200 when it was there already); remembered when accepted. */
    void postWaybill(String orderNo) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = park.postWaybill(base(), partners.get(placed.get(orderNo)), orderNo);
            recorder.record("waybill", answer.statusCode(), started, answer.body());
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                waybilled.add(orderNo);
            }
        } catch (Exception e) {
            recorder.record("waybill", -1, started, e.toString());
        }
    }

    private void changePrice() {
        CheckoutShops.Shop shop = anyShop();
        URI base = base();
        String sku = shop.skus().get(ThreadLocalRandom.current().nextInt(shop.skus().size()));
        String token = tokens.retailerAdmin(shop.tenant());
        HttpResponse<String> current = send(null, base, "GET", "/api/v1/products/" + sku, null, null, token);
        if (current == null || current.statusCode() != 200) {
            return;
        }
        ObjectNode product = (ObjectNode) json(current);
        Iterator<String> names = product.fieldNames();
        List<String> drop = new ArrayList<>();
        names.forEachRemaining(name -> {
            if (!WRITABLE.contains(name)) {
                drop.add(name);
            }
        });
        product.remove(drop);
        long price = 5_000 + ThreadLocalRandom.current().nextInt(50_000);
        product.put("priceFen", price);
        HttpResponse<String> written = send("staff price", base, "PUT", "/api/v1/products/" + sku, product, null, token);
        if (written != null && written.statusCode() == 200) {
            priceChanges.add(new PriceChange(shop.tenant(), shop.slug(), sku, product.path("gtin").asText(), price,
                    recorder.nowMillis()));
        }
    }

    /**
     * After the drill, what the outside world does: Alipay re-sends the notify of every paid trade the application
     * never acknowledged, and the partner re-posts every waybill it has no answer for.
     */
    void catchUp() {
        for (String orderNo : List.copyOf(placed.keySet())) {
            if (notifyAcknowledged.contains(orderNo) || alipay.trade(orderNo).map(FakeTrade::paidAt).isEmpty()) {
                continue;
            }
            try {
                if (alipay.resendNotify(orderNo).stream().anyMatch(Notifier.Delivery::acknowledged)) {
                    notifyAcknowledged.add(orderNo);
                }
            } catch (RuntimeException notNow) {
                // the next catch-up
            }
        }
        for (String orderNo : List.copyOf(notifyAcknowledged)) {
            if (!waybilled.contains(orderNo)) {
                postWaybill(orderNo);
            }
        }
    }

    /** Orders paid at Alipay (whatever the application knows). */
    Set<String> paidAtAlipay() {
        Set<String> paid = new java.util.TreeSet<>();
        placed.keySet().forEach(no -> {
            if (alipay.trade(no).map(FakeTrade::paidAt).isPresent()) {
                paid.add(no);
            }
        });
        return paid;
    }

    private HttpResponse<String> send(String endpoint, URI base, String method, String path, Object body,
                                      String idempotencyKey) {
        return send(endpoint, base, method, path, body, idempotencyKey, null);
    }

    /** One request, its answer recorded under {@code endpoint} (null: not recorded); null when not answered. */
    HttpResponse<String> send(String endpoint, URI base, String method, String path, Object body,
                              String idempotencyKey, String token) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (token != null) {
                request.header("Authorization", token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (endpoint != null) {
                boolean degraded = answer.headers().firstValue("X-Search-Degraded").isPresent();
                recorder.record(degraded && endpoint.equals("search") ? "search degraded" : endpoint, answer.statusCode(),
                        started, answer.body());
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            if (endpoint != null) {
                recorder.record(endpoint, -1, started, e.toString());
            }
            return null;
        }
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    /** The storefront search by barcode, as the probe reads it: the item's price, or -1 while it is not found. */
    long searchedPrice(URI base, PriceChange change) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/s/" + change.slug()
                    + "/api/search?q=" + change.gtin() + "&size=5")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || answer.headers().firstValue("X-Search-Degraded").isPresent()) {
                return -1;
            }
            for (JsonNode item : JSON.readTree(answer.body()).path("items")) {
                if (item.path("sku").asText().equals(change.sku())) {
                    return item.path("priceFen").asLong();
                }
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(40_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
