package io.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes the freshness benchmark makes through the staff API, each on a product of its own (so no change waits
 * for another's), prepared before the timed run: the write request, and the storefront search (by barcode) with
 * the test that says its answer reflects the change.
 */
final class FreshnessChanges {

    /** What a change does; {@code MIXED} takes the four others in turn. */
    enum Kind {
        PRICE, STOCK, CREATE, DELETE, MIXED;

        static Kind of(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One prepared change: the write, and the search that shows it once the index has it. */
    record Change(Kind kind, String sku, HttpRequest write, String searchPath, Predicate<JsonNode> reflected) {
    }

    /** The fields {@code PUT /api/v1/products/{sku}} takes (the rest of a product's answer is derived). */
    private static final Set<String> WRITABLE = Set.of("sku", "gtin", "nameZh", "nameEn", "brand", "categoryPath", "hsCode",
            "itemRecordNo", "originCountry", "unit", "unit1", "qty1PerUnit", "unit2", "qty2PerUnit", "grossWeightKg",
            "netWeightKg", "vatRate", "consumptionTaxRate", "mfnTariffRate", "tradeMode", "warehouseCode", "priceFen",
            "images", "descriptionZh", "descriptionEn");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final SearchCatalog.Merchant shop;
    private final Deque<Integer> unused = new ArrayDeque<>();
    private final Deque<Integer> uncategorised = new ArrayDeque<>();
    private final Deque<Integer> templates = new ArrayDeque<>();
    private final Deque<Integer> stocked = new ArrayDeque<>();
    private Set<String> categories;
    private int created;

    FreshnessChanges(HttpClient http, URI base, String token, SearchCatalog.Merchant shop) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.shop = shop;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shop.skus().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        unused.addAll(order);
    }

    /** {@code count} changes of that kind (for MIXED: price, stock, create, delete, price...), each on its own product. */
    List<Change> prepare(Kind kind, int count) throws Exception {
        List<Change> changes = new ArrayList<>(count);
        Kind[] cycle = {Kind.PRICE, Kind.STOCK, Kind.CREATE, Kind.DELETE};
        for (int i = 0; i < count; i++) {
            changes.add(prepareOne(kind == Kind.MIXED ? cycle[i % cycle.length] : kind));
        }
        return changes;
    }

    private Change prepareOne(Kind kind) throws Exception {
        return switch (kind) {
            case PRICE -> {
                int index = writableProduct();
                String sku = shop.skus().get(index);
                ObjectNode product = writable(get("/api/v1/products/" + sku));
                long price = product.get("priceFen").asLong() + 1;
                product.put("priceFen", price);
                yield new Change(kind, sku, json("PUT", "/api/v1/products/" + sku, product), search(shop.gtins().get(index)),
                        answer -> item(answer, sku) != null && item(answer, sku).get("priceFen").asLong() == price);
            }
            case STOCK -> {
                int index = anyProduct();
                String sku = shop.skus().get(index);
                String gtin = shop.gtins().get(index);
                JsonNode hit = item(JSON.readTree(send(HttpRequest.newBuilder(base.resolve(search(gtin))).build())), sku);
                if (hit == null) {
                    throw new IllegalStateException(sku + " (" + gtin + ") is not searchable before the run");
                }
                boolean inStock = !hit.get("inStock").asBoolean();
                ObjectNode body = JSON.createObjectNode().put("quantity", inStock ? 25 : 0).put("reason", "freshness bench");
                yield new Change(kind, sku, json("PUT", "/api/v1/stock/" + BenchDatabase.WAREHOUSE + "/" + sku, body),
                        search(gtin), answer -> item(answer, sku) != null && item(answer, sku).get("inStock").asBoolean() == inStock);
            }
            case CREATE -> {
                int index = writableProduct();
                ObjectNode product = writable(get("/api/v1/products/" + shop.skus().get(index)));
                created++;
                String newSku = String.format(Locale.ROOT, "FRESH-%06d", created);
                String newGtin = SearchCatalog.ean13(String.format(Locale.ROOT, "6999%08d", created));
                product.put("sku", newSku).put("gtin", newGtin).put("nameZh", product.get("nameZh").asText() + " 新品");
                if (product.hasNonNull("itemRecordNo")) {
                    product.put("itemRecordNo", "BR" + newSku);
                }
                templates.push(index); // the template stays untouched: another create may take it
                yield new Change(kind, newSku, json("POST", "/api/v1/products", product), search(newGtin),
                        answer -> item(answer, newSku) != null);
            }
            case DELETE -> {
                int index = productWithoutStock();
                String sku = shop.skus().get(index);
                yield new Change(kind, sku, request("/api/v1/products/" + sku).DELETE().build(), search(shop.gtins().get(index)),
                        answer -> item(answer, sku) == null);
            }
            case MIXED -> throw new IllegalArgumentException("mixed is a cycle of the others");
        };
    }

    /**
     * A product not changed yet whose category is one of the platform's: a write sends its category back, and the
     * generated catalog also uses paths the platform's list lacks (left to the changes that do not send it).
     */
    private int writableProduct() throws Exception {
        if (!templates.isEmpty()) {
            return templates.pop();
        }
        if (categories == null) {
            categories = Set.copyOf(get("/api/v1/categories").findValuesAsText("path"));
        }
        while (!unused.isEmpty()) {
            int index = unused.pop();
            if (categories.contains(get("/api/v1/products/" + shop.skus().get(index)).path("categoryPath").asText())) {
                return index;
            }
            uncategorised.push(index);
        }
        throw new IllegalStateException("no product left whose category is the platform's: more --products, or fewer --changes");
    }

    /** A product not changed yet with no bonded stock on hand: one with stock cannot be deleted (PRODUCT_HAS_STOCK). */
    private int productWithoutStock() throws Exception {
        while (!uncategorised.isEmpty() || !unused.isEmpty()) {
            int index = uncategorised.isEmpty() ? unused.pop() : uncategorised.pop();
            HttpResponse<String> stock = http.send(request("/api/v1/stock/" + BenchDatabase.WAREHOUSE + "/"
                    + shop.skus().get(index)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (stock.statusCode() == 404 || (stock.statusCode() == 200 && parse(stock.body()).path("onHand").asLong() == 0)) {
                return index;
            }
            stocked.push(index);
        }
        throw new IllegalStateException("no product left without stock: more --products, or fewer --changes");
    }

    private int anyProduct() {
        if (!stocked.isEmpty()) {
            return stocked.pop();
        }
        if (!uncategorised.isEmpty()) {
            return uncategorised.pop();
        }
        if (unused.isEmpty()) {
            throw new IllegalStateException("every generated product was changed once: more --products, or fewer --changes");
        }
        return unused.pop();
    }

    private String search(String gtin) {
        return "/s/" + shop.slug() + "/api/search?q=" + URLEncoder.encode(gtin, StandardCharsets.UTF_8);
    }

    /** The search answer's item of that SKU, or null. */
    static JsonNode item(JsonNode answer, String sku) {
        for (JsonNode item : answer.path("items")) {
            if (sku.equals(item.path("sku").asText())) {
                return item;
            }
        }
        return null;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body.substring(0, Math.min(200, body.length())), e);
        }
    }

    private ObjectNode writable(JsonNode product) {
        ObjectNode body = JSON.createObjectNode();
        product.fields().forEachRemaining(field -> {
            if (WRITABLE.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        });
        return body;
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(send(request(path).GET().build()));
    }

    private HttpRequest json(String method, String path, JsonNode body) throws IOException {
        return request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", token).timeout(Duration.ofSeconds(60));
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }
}
