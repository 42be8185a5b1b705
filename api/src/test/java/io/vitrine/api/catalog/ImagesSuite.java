package io.vitrine.api.catalog;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.catalog.CatalogSamples.formula;
import static io.vitrine.api.catalog.CatalogSamples.with;
import static io.vitrine.api.catalog.ProductsSuite.fieldRules;
import static io.vitrine.api.catalog.ProductsSuite.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product images over HTTP, embedded (H2, Lucene, local files) and in cluster mode (MariaDB, Elasticsearch, files
 * in the database): upload and its refusals, the public URLs with their headers, another shop's image, the image
 * in storefront search results and the product page, and deleting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImagesSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;

    ImagesSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchantWithAWarehouse() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "WH-1", "name", "Bonded 1", "emsNo", "T5349W9", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
    }

    @Test
    void an_uploaded_png_is_served_with_its_thumbnails_and_long_lived_immutable_headers() {
        Map<String, Object> image = upload("shelf.png", "image/png", SampleImages.png(1600, 1200));

        String id = (String) image.get("imageId");
        String base = "/s/" + merchant.slug() + "/images/" + id;
        assertThat(image).containsEntry("url", base).containsEntry("thumbnailUrl", base + "/thumb")
                .containsEntry("mediumUrl", base + "/medium").containsEntry("contentType", "image/png");
        assertThat(number(image, "width")).isEqualTo(1600);
        assertThat(number(image, "height")).isEqualTo(1200);
        assertThat(api.expect(200, api.get("/api/v1/images/" + id, token()))).isEqualTo(image);

        HttpResponse<byte[]> thumb = fetch(base + "/thumb", null);
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(thumb.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(thumb.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String etag = thumb.headers().firstValue("ETag").orElseThrow();
        BufferedImage pixels = SampleImages.read(thumb.body());
        assertThat(List.of(pixels.getWidth(), pixels.getHeight())).containsExactly(320, 240);
        assertThat(SampleImages.read(fetch(base + "/medium", null).body()).getWidth()).isEqualTo(800);
        assertThat(SampleImages.read(fetch(base, null).body()).getWidth()).isEqualTo(1600);

        HttpResponse<byte[]> again = fetch(base + "/thumb", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(fetch(base + "/huge", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_jpeg_keeps_its_type_and_a_retried_upload_with_its_key_stores_it_once() {
        byte[] jpeg = SampleImages.jpeg(300, 200);
        String key = SampleCodes.unique("image-key");

        HttpResponse<String> first = uploadRaw("photo.jpg", "image/jpeg", jpeg, "Idempotency-Key", key);
        HttpResponse<String> retried = uploadRaw("photo.jpg", "image/jpeg", jpeg, "Idempotency-Key", key);

        Map<String, Object> image = api.expect(201, first);
        assertThat(api.expect(201, retried)).containsEntry("imageId", image.get("imageId"));
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isPresent();
        HttpResponse<byte[]> thumb = fetch((String) image.get("thumbnailUrl"), null);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(SampleImages.read(thumb.body()).getWidth()).isEqualTo(300); // never enlarged
    }

    @Test
    void bombs_and_files_that_are_not_images_are_refused_on_the_file_field() {
        assertThat(fieldRules(api.expectProblem(400, uploadRaw("bomb.png", "image/png",
                SampleImages.pngHeaderOnly(30_000, 30_000))))).containsExactly("file:IMAGE_DIMENSIONS");
        assertThat(fieldRules(api.expectProblem(400, uploadRaw("wide.png", "image/png",
                SampleImages.pngHeaderOnly(9_000, 9_000))))).containsExactly("file:IMAGE_DIMENSIONS");
        assertThat(fieldRules(api.expectProblem(400, uploadRaw("list.png", "image/png",
                "sku,price\nA,1\n".getBytes(StandardCharsets.UTF_8))))).containsExactly("file:CONTENT_NOT_AS_DECLARED");
        assertThat(fieldRules(api.expectProblem(400, uploadRaw("licence.pdf", "application/pdf", SampleCodes.pdf()))))
                .containsExactly("file:TYPE_NOT_ALLOWED");
        api.expectProblem(403, api.upload("/api/v1/images", null, "x.png", "image/png", SampleImages.png(8, 8),
                "Authorization", "Bearer " + api.platformAdminToken()));
        api.expectProblem(401, api.upload("/api/v1/images", null, "x.png", "image/png", SampleImages.png(8, 8)));
    }

    @Test
    void another_shops_image_is_not_found_on_either_side() {
        String id = (String) upload("mine.png", "image/png", SampleImages.png(40, 40)).get("imageId");
        Merchant other = api.merchant(park);

        assertThat(fetch("/s/" + other.slug() + "/images/" + id + "/thumb", null).statusCode()).isEqualTo(404);
        assertThat(fetch("/s/" + other.slug() + "/images/" + id, null).statusCode()).isEqualTo(404);
        api.expectProblem(404, api.get("/api/v1/images/" + id, other.admin().token()));
        api.expectProblem(404, api.send("DELETE", "/api/v1/images/" + id, other.admin().token(), null));
        assertThat(fetch("/s/" + merchant.slug() + "/images/" + id + "/thumb", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_products_first_image_shows_in_search_and_all_of_them_on_the_product_page_and_none_can_go_while_listed() {
        String front = (String) upload("front.png", "image/png", SampleImages.png(400, 400)).get("imageId");
        String back = (String) upload("back.jpg", "image/jpeg", SampleImages.jpeg(400, 300)).get("imageId");
        String sku = SampleCodes.unique("P").toUpperCase();
        Map<String, Object> product = with(formula(sku, "WH-1"), "images", List.of(front, back));
        api.expect(201, api.post("/api/v1/products", token(), product));
        String shop = "/s/" + merchant.slug();

        Map<String, Object> hit = awaitSearchHit(sku, shop + "/images/" + front + "/thumb");
        assertThat(hit).containsEntry("imageUrl", shop + "/images/" + front + "/thumb");
        Map<String, Object> page = api.expect(200, api.get(shop + "/api/products/" + sku, null));
        assertThat(page.get("images")).isEqualTo(List.of(
                Map.of("imageId", front, "url", shop + "/images/" + front, "thumbnailUrl", shop + "/images/" + front + "/thumb",
                        "mediumUrl", shop + "/images/" + front + "/medium"),
                Map.of("imageId", back, "url", shop + "/images/" + back, "thumbnailUrl", shop + "/images/" + back + "/thumb",
                        "mediumUrl", shop + "/images/" + back + "/medium")));

        Map<String, Object> refused = api.expectProblem(409, api.send("DELETE", "/api/v1/images/" + back, token(), null));
        assertThat(refused.get("detail").toString()).contains(sku);
        assertThat(fetch(shop + "/images/" + back + "/thumb", null).statusCode()).isEqualTo(200);

        // the product now shows the back first: the index follows through the product's own event
        api.expect(200, api.put("/api/v1/products/" + sku, token(), with(product, "images", List.of(back))));
        awaitSearchHit(sku, shop + "/images/" + back + "/thumb");
        assertThat(api.send("DELETE", "/api/v1/images/" + front, token(), null).statusCode()).isEqualTo(204);
        assertThat(fetch(shop + "/images/" + front, null).statusCode()).isEqualTo(404);
        assertThat(fetch(shop + "/images/" + front + "/thumb", null).statusCode()).isEqualTo(404);
        api.expectProblem(404, api.get("/api/v1/images/" + front, token()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitSearchHit(String sku, String imageUrl) {
        Map<String, Object> found = null;
        for (int i = 0; i < 400; i++) {
            Map<String, Object> results = api.expect(200, api.get("/s/" + merchant.slug() + "/api/search?q=" + sku, null));
            found = ((List<Map<String, Object>>) results.get("items")).stream()
                    .filter(item -> sku.equals(item.get("sku"))).findFirst().orElse(null);
            if (found != null && imageUrl.equals(found.get("imageUrl"))) {
                return found;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(sku + " never showed " + imageUrl + " in search; last: " + found);
    }

    private Map<String, Object> upload(String filename, String type, byte[] content) {
        return api.expect(201, uploadRaw(filename, type, content));
    }

    private HttpResponse<String> uploadRaw(String filename, String type, byte[] content, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.upload("/api/v1/images", null, filename, type, content, all);
    }

    private HttpResponse<byte[]> fetch(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return vitrine.sendBytes(request.build());
    }

    private String token() {
        return merchant.admin().token();
    }
}
