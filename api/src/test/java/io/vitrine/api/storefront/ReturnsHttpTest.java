package io.vitrine.api.storefront;

import io.vitrine.api.catalog.SampleImages;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.orders.ordering.Clearances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.vitrine.api.storefront.AlipayShop.newBuyer;
import static io.vitrine.api.storefront.AlipayShop.order;
import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returns over HTTP (api.md: the shopper's {@code POST /s/{tenant}/api/orders/{orderNo}/returns?token=}, the staff's
 * {@code /api/v1/returns} and the counter's {@code POST /api/v1/orders/{orderNo}/returns}) in {@link AlipayShop}'s
 * embedded application: orders placed and paid through the fake Alipay, released through {@link Clearances} as customs
 * does on its 800 receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsHttpTest {

    private AlipayShop shop;
    private RunningVitrine vitrine;
    private TenantsApi api;

    @BeforeAll
    void aShopPayingThroughTheFake() {
        shop = AlipayShop.start();
        vitrine = shop.vitrine();
        api = shop.api();
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_shopper_asks_back_part_of_a_released_order_once_per_key_and_the_retailer_approves_it() {
        Placed order = released(2);
        Map<String, Object> body = body(A2, 1, "the tin arrived dented");
        String key = "k-" + UUID.randomUUID();

        HttpResponse<String> created = shopper(order, body, "Idempotency-Key", key);
        Map<String, Object> requested = api.expect(201, created);
        assertThat(requested).containsOnlyKeys("returnNo", "status").containsEntry("status", "REQUESTED");
        String returnNo = (String) requested.get("returnNo");
        assertThat(returnNo).matches("R\\d{16}");
        HttpResponse<String> again = shopper(order, body, "Idempotency-Key", key);
        assertThat(api.expect(201, again)).isEqualTo(requested);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isPresent();
        assertThat(api.expectProblem(422, shopper(order, body(A2, 2, "other"), "Idempotency-Key", key)))
                .containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        assertThat(shopperList(order)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("returnNo", returnNo).containsEntry("openedBy", "shopper")
                .doesNotContainKey("decidedBy"));

        Map<String, Object> staffView = api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token()));
        assertThat(staffView).containsEntry("orderNo", order.orderNo()).containsEntry("status", "REQUESTED")
                .containsEntry("channel", "SHOPPER").containsEntry("reason", "the tin arrived dented")
                .containsEntry("storeCode", "S1");
        assertThat(items(staffView)).singleElement().satisfies(line -> assertThat(line).containsEntry("sku", A2)
                .containsEntry("qty", 1).containsEntry("orderedQty", 2).containsEntry("unitPriceFen", 29900)
                .containsEntry("lineValueFen", 59800).containsEntry("lineTaxFen", 5442));
        assertThat(items(api.expect(200, api.get("/api/v1/returns?status=REQUESTED", shop.token()))))
                .extracting(r -> r.get("returnNo")).contains(returnNo);

        Map<String, Object> approved = api.expect(200, api.post("/api/v1/returns/" + returnNo + "/approve",
                shop.token(), null));
        assertThat(approved).containsEntry("status", "APPROVED").containsKey("decidedAt");
        api.expectProblem(409, api.post("/api/v1/returns/" + returnNo + "/approve", shop.token(), null));
        assertThat(shopperList(order)).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "APPROVED"));
        assertThat(items(api.expect(200, api.get("/api/v1/returns?status=APPROVED", shop.token()))))
                .extracting(r -> r.get("returnNo")).contains(returnNo);
        api.expectProblem(400, api.get("/api/v1/returns?status=LOST", shop.token()));
    }

    @Test
    void refusals_name_their_code_and_fields_and_change_nothing() {
        Placed paid = paid(1);
        assertThat(api.expectProblem(422, shopper(paid, body(A2, 1, "x")))).containsEntry("code", "NOT_RELEASED");

        Placed order = released(1);
        api.expectProblem(404, api.send("POST", path("orders/" + order.orderNo() + "/returns?token=" + order.token()
                + "x"), null, body(A2, 1, "x")));
        api.expectProblem(404, api.send("POST", path("orders/" + order.orderNo() + "/returns"), null,
                body(A2, 1, "x")));
        Map<String, Object> tooMany = api.expectProblem(422, shopper(order, body(A2, 2, "both")));
        assertThat(tooMany).containsEntry("code", "RETURN_QUANTITY_EXCEEDED");
        assertThat(TenantsApi.items(Map.of("items", tooMany.get("errors")))).extracting(e -> e.get("field") + " "
                + e.get("rule")).containsExactly("items[0].qty RETURN_QUANTITY_EXCEEDED");
        Map<String, Object> unknown = api.expectProblem(422, shopper(order, body("NOT-BOUGHT", 1, "x")));
        assertThat(unknown).containsEntry("code", "NOT_IN_ORDER");
        Map<String, Object> invalid = api.expectProblem(400, shopper(order, Map.of("items",
                List.of(Map.of("sku", A2, "qty", 0)))));
        assertThat(TenantsApi.items(Map.of("items", invalid.get("errors")))).extracting(e -> e.get("field") + " "
                + e.get("rule")).containsExactly("items[0].qty QUANTITY_RANGE", "reason REQUIRED");
        assertThat(shopperList(order)).isEmpty();
    }

    @Test
    void staff_open_returns_at_the_counter_of_their_stores_and_only_the_retailer_admin_decides() {
        Placed order = released(2);
        api.expect(201, api.post("/api/v1/stores", shop.token(), Map.of("code", "S9", "name", "Store 9", "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "WH-1")));
        String manager = manager("S1");
        String elsewhere = manager("S9");

        api.expectProblem(404, api.post("/api/v1/orders/" + order.orderNo() + "/returns", elsewhere,
                body(A2, 1, "at the counter")));
        String key = "k-" + UUID.randomUUID();
        Map<String, Object> counter = api.expect(201, api.send("POST", "/api/v1/orders/" + order.orderNo()
                + "/returns", manager, body(A2, 1, "at the counter"), "Idempotency-Key", key));
        String returnNo = (String) counter.get("returnNo");
        assertThat(api.expect(201, api.send("POST", "/api/v1/orders/" + order.orderNo() + "/returns", manager,
                body(A2, 1, "at the counter"), "Idempotency-Key", key))).as("a retry with its key").isEqualTo(counter);
        assertThat(counter).containsEntry("channel", "COUNTER").containsEntry("status", "REQUESTED");
        assertThat(items(api.expect(200, api.get("/api/v1/returns", manager)))).extracting(r -> r.get("returnNo"))
                .containsExactly(returnNo);
        assertThat(api.expect(200, api.get("/api/v1/returns", elsewhere))).containsEntry("total", 0);
        api.expectProblem(404, api.get("/api/v1/returns/" + returnNo, elsewhere));
        api.expectProblem(403, api.post("/api/v1/returns/" + returnNo + "/approve", manager, null));
        api.expectProblem(403, api.post("/api/v1/returns/" + returnNo + "/reject", manager, Map.of("reason", "no")));

        assertThat(String.valueOf(api.expectProblem(400, api.post("/api/v1/returns/" + returnNo + "/reject",
                shop.token(), Map.of())).get("errors"))).contains("reason", "REQUIRED");
        Map<String, Object> rejected = api.expect(200, api.post("/api/v1/returns/" + returnNo + "/reject",
                shop.token(), Map.of("reason", "opened at the wrong store")));
        assertThat(rejected).containsEntry("status", "REJECTED")
                .containsEntry("rejectionReason", "opened at the wrong store");
        // its units are free again
        api.expect(201, shopper(order, body(A2, 2, "both after all")));
    }

    @Test
    void another_tenant_finds_neither_the_returns_nor_the_order() {
        Placed order = released(1);
        String returnNo = (String) api.expect(201, shopper(order, body(A2, 1, "x"))).get("returnNo");
        TenantsApi.Merchant stranger = api.merchant(api.park());
        String theirs = stranger.admin().token();

        api.expectProblem(404, api.get("/api/v1/returns/" + returnNo, theirs));
        api.expectProblem(404, api.post("/api/v1/returns/" + returnNo + "/approve", theirs, null));
        api.expectProblem(404, api.post("/api/v1/returns/" + returnNo + "/reject", theirs, Map.of("reason", "x")));
        api.expectProblem(404, api.post("/api/v1/orders/" + order.orderNo() + "/returns", theirs, body(A2, 1, "x")));
        api.expectProblem(404, api.send("POST", "/s/" + stranger.slug() + "/api/orders/" + order.orderNo()
                + "/returns?token=" + order.token(), null, body(A2, 1, "x")));
        assertThat(api.expect(200, api.get("/api/v1/returns", theirs))).containsEntry("total", 0);
        api.expectProblem(401, api.get("/api/v1/returns/" + returnNo, null));
        api.expectProblem(401, api.post("/api/v1/returns/" + returnNo + "/approve", null, null));
        assertThat(api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())))
                .containsEntry("status", "REQUESTED");
    }

    @Test
    void staff_confirm_the_goods_back_once_the_store_manager_only_for_their_stores() {
        Placed order = released(2);
        String returnNo = (String) api.expect(201, shopper(order, body(A2, 1, "dented"))).get("returnNo");
        api.expect(200, api.post("/api/v1/returns/" + returnNo + "/approve", shop.token(), null));
        assertThat(api.expectProblem(409, api.post("/api/v1/returns/" + returnNo + "/received", shop.token(), null))
                .get("detail").toString()).contains("is APPROVED");
        // customs accepting the return request (CEB625) is the customs slice's: here the table says so
        Rows.update(vitrine, "UPDATE order_returns SET status = 'ACCEPTED' WHERE return_no = ?", returnNo);
        api.expect(201, api.post("/api/v1/stores", shop.token(), Map.of("code", "S8", "name", "Store 8", "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "WH-1")));
        api.expectProblem(404, api.post("/api/v1/returns/" + returnNo + "/received", manager("S8"), null));
        TenantsApi.Merchant stranger = api.merchant(api.park());
        api.expectProblem(404, api.post("/api/v1/returns/" + returnNo + "/received", stranger.admin().token(), null));
        api.expectProblem(401, api.post("/api/v1/returns/" + returnNo + "/received", null, null));

        Map<String, Object> received = api.expect(200, api.post("/api/v1/returns/" + returnNo + "/received",
                manager("S1"), null));
        assertThat(received).containsEntry("received", true);
        assertThat(TenantsApi.object(received, "ret")).containsEntry("status", "GOODS_RECEIVED");
        Map<String, Object> refund = TenantsApi.object(received, "refund");
        assertThat(refund).doesNotContainKey("refundedAt").containsEntry("goodsFen", 29900).containsEntry("taxFen", 2721)
                .containsEntry("freightFen", 0).containsEntry("amountFen", 29900 + 2721);
        Map<String, Object> again = api.expect(200, api.post("/api/v1/returns/" + returnNo + "/received",
                shop.token(), null));
        assertThat(again).containsEntry("received", false);
        Map<String, Object> sameRefund = new java.util.HashMap<>(TenantsApi.object(again, "refund"));
        sameRefund.remove("refundedAt"); // the outbox may have paid it in between
        assertThat(sameRefund).isEqualTo(refund);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + order.orderNo(), shop.token())))
                .containsEntry("status", "PARTIALLY_RETURNED");
        // the embedded application's outbox pays it back through the fake Alipay: REFUNDED
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!"REFUNDED".equals(api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token()))
                .get("status"))) {
            assertThat(System.nanoTime()).as("refunded within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void photos_of_a_requested_return_are_checked_by_their_bytes_and_served_only_to_their_holders() {
        Placed order = released(1);
        String returnNo = (String) api.expect(201, shopper(order, body(A2, 1, "dented"))).get("returnNo");
        String photos = path("returns/" + returnNo + "/photos?token=" + order.token());
        byte[] jpeg = SampleImages.jpeg(4, 4);

        Map<String, Object> first = api.expect(201, photo(photos, "dented.jpg", "image/jpeg", jpeg));
        assertThat(first).containsEntry("contentType", "image/jpeg").containsEntry("size", jpeg.length)
                .containsEntry("returnNo", returnNo);
        // the client's name and type count for nothing: a PNG sent as "../../etc/passwd.jpg" of octet-stream
        Map<String, Object> traversal = api.expect(201, photo(photos, "../../../etc/passwd.jpg",
                "application/octet-stream", SampleImages.png(4, 4)));
        assertThat(traversal).containsEntry("contentType", "image/png");
        assertThat(storedFiles()).as("kept under its generated id with a name of ours")
                .anyMatch(file -> file.endsWith(traversal.get("photoId") + ".json") && read(file).contains(
                        returnNo + "-photo.png"))
                .noneMatch(file -> file.getFileName().toString().contains("passwd"));
        assertThat(items(api.expect(200, vitrine.get(photos)))).extracting(p -> p.get("photoId"))
                .containsExactly(first.get("photoId"), traversal.get("photoId"));
        HttpResponse<byte[]> served = vitrine.sendBytes(java.net.http.HttpRequest.newBuilder(vitrine.uri(
                first.get("url") + "?token=" + order.token())).GET().build());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        String staffPhotos = "/api/v1/returns/" + returnNo + "/photos";
        assertThat(items(api.expect(200, api.get(staffPhotos, shop.token())))).hasSize(2);
        assertThat(api.get(staffPhotos + "/" + first.get("photoId"), shop.token()).statusCode()).isEqualTo(200);

        // refusals: field photo and the rule, nothing stored
        assertThat(errors(api.expectProblem(400, photo(photos, "text.jpg", "image/jpeg",
                "not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8))))).containsExactly("photo NOT_AN_IMAGE");
        assertThat(api.expectProblem(413, photo(photos, "big.jpg", "image/jpeg",
                java.util.Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1))).get("detail").toString())
                .startsWith("photo: TOO_LARGE");
        for (int i = 0; i < 3; i++) {
            api.expect(201, api.uploadPart("POST", staffPhotos, "photo", "p.png", "image/png", SampleImages.png(2, 2),
                    "Authorization", "Bearer " + shop.token()));
        }
        Map<String, Object> sixth = api.expectProblem(422, photo(photos, "six.jpg", "image/jpeg", jpeg));
        assertThat(sixth).containsEntry("code", "TOO_MANY_PHOTOS");
        assertThat(errors(sixth)).containsExactly("photo TOO_MANY_PHOTOS");
        assertThat(items(api.expect(200, vitrine.get(photos)))).hasSize(5);

        // nobody else
        api.expectProblem(404, photo(path("returns/" + returnNo + "/photos?token=" + order.token() + "x"), "a.jpg",
                "image/jpeg", jpeg));
        api.expectProblem(404, vitrine.get(path("returns/" + returnNo + "/photos")));
        api.expectProblem(404, vitrine.get(first.get("url") + "?token=" + released(1).token()));
        TenantsApi.Merchant stranger = api.merchant(api.park());
        api.expectProblem(404, api.get(staffPhotos + "/" + first.get("photoId"), stranger.admin().token()));
        api.expectProblem(404, api.uploadPart("POST", staffPhotos, "photo", "p.png", "image/png",
                SampleImages.png(2, 2), "Authorization", "Bearer " + stranger.admin().token()));
        api.expectProblem(404, vitrine.get("/s/" + stranger.slug() + "/api/returns/" + returnNo + "/photos?token="
                + order.token()));
        api.expectProblem(401, api.get(staffPhotos, null));
        assertThat(items(api.expect(200, api.get(staffPhotos, shop.token())))).hasSize(5);
    }

    private List<Path> storedFiles() {
        try (Stream<Path> files = Files.walk(vitrine.dataDir())) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> photo(String target, String filename, String contentType, byte[] content) {
        return api.uploadPart("POST", target, "photo", filename, contentType, content);
    }

    private static List<String> errors(Map<String, Object> problem) {
        return TenantsApi.items(Map.of("items", problem.get("errors"))).stream()
                .map(e -> e.get("field") + " " + e.get("rule")).toList();
    }

    // --- steps

    private record Placed(String orderNo, String token) {
    }

    private Placed paid(int quantity) {
        Map<String, Object> placed = api.expect(201, shop.post("orders", order(shop.cart(A2, quantity), newBuyer(),
                "ALIPAY_QR")));
        Placed order = new Placed((String) placed.get("orderNo"), (String) placed.get("orderToken"));
        shop.pay(order.orderNo());
        return order;
    }

    private Placed released(int quantity) {
        Placed order = paid(quantity);
        shop.release(order.orderNo());
        assertThat(api.expect(200, api.get("/api/v1/orders/" + order.orderNo(), shop.token())))
                .containsEntry("status", "RELEASED");
        return order;
    }

    private HttpResponse<String> shopper(Placed order, Object body, String... headers) {
        return api.send("POST", path("orders/" + order.orderNo() + "/returns?token=" + order.token()), null, body,
                headers);
    }

    private List<Map<String, Object>> shopperList(Placed order) {
        return items(api.expect(200, vitrine.get(path("orders/" + order.orderNo() + "/returns?token="
                + order.token()))));
    }

    private static Map<String, Object> body(String sku, int qty, String reason) {
        return Map.of("items", List.of(Map.of("sku", sku, "qty", qty)), "reason", reason);
    }

    private String path(String what) {
        return "/s/" + shop.slug() + "/api/" + what;
    }

    /** A store manager of these stores, signed in: their bearer token. */
    private String manager(String store) {
        String username = SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", shop.token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(store))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "store-manager-password")));
        return api.login(username, "store-manager-password");
    }
}
