package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Convenience stores for the POS suites ({@code pos-fleet}, {@code kill-loop}): written straight into the tables before
 * the application starts (at the park's warehouse, each carrying all the shop's SKUs), and one POS device per store
 * registered through the API ({@code POST /api/v1/devices}: the secret is only ever shown there).
 */
final class PosStores {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PosStores() {
    }

    /** The codes of {@code count} stores: F0000, F0001... */
    static List<String> codes(int count) {
        List<String> codes = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            codes.add(String.format(Locale.ROOT, "F%04d", s));
        }
        return codes;
    }

    /** The stores of {@code codes} for {@code shop}'s tenant, each with the shop's SKUs in its assortment. */
    static void add(BenchDatabase database, CheckoutShops.Shop shop, List<String> codes) {
        String now = Instant.now().toString().replace('T', ' ').replace("Z", "");
        for (int from = 0; from < codes.size(); from += 200) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 200));
            database.inTransaction((Connection connection) -> {
                try (PreparedStatement stores = connection.prepareStatement("INSERT INTO stores (id, tenant_id, code, "
                        + "name, kind, address, district_code, warehouse_code, created_at, updated_at) VALUES "
                        + "(?, ?, ?, ?, 'CONVENIENCE_STORE', '厦门市思明区', '350203', ?, ?, ?)");
                     PreparedStatement assortment = connection.prepareStatement("INSERT INTO store_assortment_skus "
                             + "(id, tenant_id, store_code, sku, added_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (String code : chunk) {
                        setAll(stores, UUID.randomUUID().toString(), shop.tenant(), code, "便利店 " + code,
                                BenchDatabase.WAREHOUSE, now, now);
                        stores.addBatch();
                        for (String sku : shop.skus()) {
                            setAll(assortment, UUID.randomUUID().toString(), shop.tenant(), code, sku, now);
                            assortment.addBatch();
                        }
                    }
                    stores.executeBatch();
                    return assortment.executeBatch().length;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The store's POS registered by its retailer admin: a {@link VirtualStore} playing it, counting into
     * {@code tally}. */
    static VirtualStore register(HttpClient http, URI app, String admin, String code, List<String> skus,
                                 VirtualStore.Tally tally) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.resolve("/api/v1/devices"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"storeCode\":\"" + code + "\",\"kind\":\"POS\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("device of " + code + ": " + answer.statusCode() + " " + answer.body());
        }
        JsonNode device = JSON.readTree(answer.body());
        return new VirtualStore(code, device.path("deviceKey").asText(),
                device.path("secret").asText().getBytes(StandardCharsets.US_ASCII), app, http, tally, skus);
    }

    private static void setAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
