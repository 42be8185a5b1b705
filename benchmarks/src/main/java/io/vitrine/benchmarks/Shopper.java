package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shopper's whole checkout over HTTP, as a phone would do it: create a cart at the shop's store, put 1-3
 * products in it (1-2 units each), place the order ({@code ALIPAY_QR}, a buyer of their own, an Idempotency-Key),
 * then the fake Alipay pays the trade (it posts the signed notify to the application and returns once the
 * application answered it), then read the order with its token until it is PAID. Any other answer fails the
 * checkout: a fast failure never counts as a checkout.
 */
final class Shopper {

    /** Told after each step, with the step's name (the per-step statement count listens). */
    @FunctionalInterface
    interface Steps {
        Steps NONE = step -> {
        };

        void done(String step);
    }

    /** A paid checkout: what it bought, its timings. */
    record Checkout(String tenant, String orderNo, Map<String, Integer> units, long placeNanos, long endToEndNanos,
                    int reads, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicLong BUYERS = new AtomicLong();

    private final URI base;
    private final FakeAlipay alipay;
    private final HttpClient http;

    Shopper(URI base, FakeAlipay alipay, HttpClient http) {
        this.base = base;
        this.alipay = alipay;
        this.http = http;
    }

    /** A checkout of 1-3 lines, as many as chance gives. */
    Checkout checkout(CheckoutShops.Shop shop, Steps steps) throws Exception {
        return checkout(shop, 1 + ThreadLocalRandom.current().nextInt(3), steps);
    }

    /** A checkout of {@code lines} lines (1-3 in the benchmark; the shop's product count at most). */
    Checkout checkout(CheckoutShops.Shop shop, int lines, Steps steps) throws Exception {
        return checkout(shop, lines, steps, orderNo -> {
        });
    }

    /**
     * As above, telling {@code placed} the order number as soon as the order is placed, before it is paid: a run that
     * kills the application learns which orders a failed checkout left behind (paid at Alipay or not).
     */
    Checkout checkout(CheckoutShops.Shop shop, int lines, Steps steps, java.util.function.Consumer<String> onPlaced)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String api = "/s/" + shop.slug() + "/api/";
        long started = System.nanoTime();
        String cartId = expect(201, send("POST", api + "carts", Map.of("storeCode", CheckoutShops.STORE))).path("cartId").asText();
        steps.done("create cart");
        List<String> skus = new ArrayList<>(shop.skus());
        java.util.Collections.shuffle(skus, random);
        Map<String, Integer> units = new java.util.LinkedHashMap<>();
        for (String sku : skus.subList(0, lines)) {
            int quantity = 1 + random.nextInt(2);
            expect(200, send("PUT", api + "carts/" + cartId + "/items/" + sku, Map.of("qty", quantity)));
            units.put(sku, quantity);
            steps.done("put a line");
        }
        long placing = System.nanoTime();
        JsonNode placed = expect(201, send("POST", api + "orders", order(cartId), "Idempotency-Key", "bench-" + UUID.randomUUID()));
        long placeNanos = System.nanoTime() - placing;
        steps.done("place the order, " + lines + (lines == 1 ? " line" : " lines"));
        String orderNo = placed.path("orderNo").asText();
        onPlaced.accept(orderNo);
        if (!placed.path("status").asText().equals("PENDING_PAYMENT") || placed.path("payment").path("qrCode").asText("").isEmpty()) {
            throw new IllegalStateException("placed " + placed);
        }
        FakeAlipay.Payment payment = alipay.pay(orderNo);
        if (payment.notifies().size() != 1 || !payment.notifies().get(0).acknowledged()) {
            throw new IllegalStateException("the notify of " + orderNo + " was not acknowledged: " + payment.notifies());
        }
        steps.done("pay (notify), " + lines + (lines == 1 ? " line" : " lines"));
        String token = placed.path("orderToken").asText();
        int reads = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            reads++;
            JsonNode order = expect(200, send("GET", api + "orders/" + orderNo + "?token=" + token, null));
            // with customs on and its pipeline idle, the order may be DECLARING before the first read sees PAID
            if (List.of("PAID", "DECLARING", "DECLARED", "RELEASED").contains(order.path("status").asText())) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(orderNo + " is still " + order.path("status").asText() + " 10 s after its notify");
            }
            RunningApplication.sleep(20);
        }
        steps.done("read until PAID");
        return new Checkout(shop.tenant(), orderNo, units, placeNanos, System.nanoTime() - started, reads, token);
    }

    private static Map<String, Object> order(String cartId) {
        return Map.of("cartId", cartId, "storeCode", CheckoutShops.STORE, "payMethod", "ALIPAY_QR", "consent", true,
                "buyer", Map.of("name", "张三", "idNumber", newBuyer(), "phone", "13800138000"),
                "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                        "address", "广东省深圳市南山区科技园1号"));
    }

    /**
     * A valid resident ID number never used before in this run (so no buyer reaches the annual limit): the n-th is
     * born n / 1000 days after 1960-01-01 with sequence n % 1000, and carries its ISO 7064 check character.
     */
    static String newBuyer() {
        long n = BUYERS.getAndIncrement();
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
        String body = String.format("110105%04d%02d%02d%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(), n % 1000);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        String number = body + "10X98765432".charAt(sum % 11);
        if (!ResidentIdNumber.isValid(number)) {
            throw new IllegalStateException("generated an invalid ID number " + number.substring(0, 6) + "…");
        }
        return number;
    }

    private HttpResponse<String> send(String method, String path, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
