package io.vitrine.api.storefront;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.kernel.time.infra.SqlInstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vitrine.api.storefront.AlipayShop.newBuyer;
import static io.vitrine.api.storefront.AlipayShop.order;
import static io.vitrine.api.storefront.ShopFixture.A2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shopper's return form on the order page (issue #7 "Pages"), posted as a plain form: offered only for a released
 * order with the units left, a request answered by the page listing the return's status, refusals next to their
 * field in the shopper's language, a wrong token changing nothing; an order not released, or released more than 30
 * days ago (its release moved back on the timeline), says why no return can be asked for, with the dates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnPagesTest {

    private AlipayShop shop;
    private RunningVitrine vitrine;
    private TenantsApi api;

    @BeforeAll
    void aShop() {
        shop = AlipayShop.start();
        vitrine = shop.vitrine();
        api = shop.api();
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_released_order_offers_the_form_and_a_request_shows_on_the_page_with_its_status() {
        String[] placed = paid(2);
        String orderPage = "/s/" + shop.slug() + "/orders/" + placed[0] + "?token=" + placed[1];
        assertThat(page(orderPage + "&lang=en")).doesNotContain("data-testid=\"return-form\"");
        shop.release(placed[0]);
        String en = page(orderPage + "&lang=en");
        assertThat(en).contains("data-testid=\"return-form\"", "name=\"qty." + A2 + "\"", "<option value=\"2\"")
                .contains("Request a return");
        assertThat(page(orderPage + "&lang=zh-CN")).contains("申请退货");

        assertThat(en).contains("/returns?token=" + placed[1] + "&amp;lang=en\"");
        HttpResponse<String> asked = form(placed, Map.of("qty." + A2, "1", "reason", "too big"), "en");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
        String location = asked.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("the shopper's language survives the form").contains("lang=en");
        assertThat(page(location)).contains("<html lang=\"en\"", "data-status=\"REQUESTED\"").doesNotContain("已申请");
        String after = page(location.replace("lang=en", "lang=zh-CN"));
        assertThat(after).contains("data-testid=\"return-requested\"");
        assertThat(after).contains("data-status=\"REQUESTED\"", "已申请").doesNotContain("<option value=\"2\"");

        HttpResponse<String> tooMany = form(placed, Map.of("qty." + A2, "2", "reason", "both"), "en");
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(testId(tooMany.body(), "return-error-" + A2)).isEqualTo("More than you can still return.");
        HttpResponse<String> noReason = form(placed, Map.of("qty." + A2, "1", "reason", ""), "zh-CN");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("data-testid=\"return-error-reason\"");
        assertThat(form(new String[]{placed[0], "wrong"}, Map.of("qty." + A2, "1", "reason", "x"), "en").statusCode())
                .isEqualTo(404);
        assertThat(page(orderPage + "&lang=en").split("data-return=\"", -1)).hasSize(2);
    }

    @Test
    void the_order_page_takes_a_photo_per_requested_return_and_says_why_one_is_refused() {
        String[] placed = paid(1);
        shop.release(placed[0]);
        assertThat(form(placed, Map.of("qty." + A2, "1", "reason", "dented"), "en").statusCode()).isEqualTo(303);
        String orderPage = "/s/" + shop.slug() + "/orders/" + placed[0] + "?token=" + placed[1] + "&lang=en";
        String returnNo = java.util.regex.Pattern.compile("data-return=\"([^\"]+)\"").matcher(page(orderPage))
                .results().findFirst().orElseThrow().group(1);
        assertThat(page(orderPage)).contains("data-testid=\"return-photo-form-" + returnNo + "\"",
                "enctype=\"multipart/form-data\"", "data-photos=\"0\"");
        String action = "/s/" + shop.slug() + "/orders/" + placed[0] + "/returns/" + returnNo + "/photos?token="
                + placed[1] + "&lang=en";

        HttpResponse<String> text = api.uploadPart("POST", action, "photo", "dent.jpg", "image/jpeg",
                "not a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(testId(text.body(), "return-photo-error-" + returnNo))
                .isEqualTo("That file is not a JPEG, PNG or WebP photo.");
        HttpResponse<String> added = api.uploadPart("POST", action, "photo", "dent.png", "image/png",
                io.vitrine.api.catalog.SampleImages.png(4, 4));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).contains("lang=en");
        assertThat(page(orderPage)).contains("data-photos=\"1\"");
        assertThat(api.uploadPart("POST", action.replace(placed[1], "wrong"), "photo", "dent.png", "image/png",
                io.vitrine.api.catalog.SampleImages.png(4, 4)).statusCode()).isEqualTo(404);
        assertThat(page(orderPage)).contains("data-photos=\"1\"");
    }

    @Test
    void an_unreleased_order_is_refused_in_the_shoppers_language() {
        String[] placed = paid(1);
        HttpResponse<String> refused = form(placed, Map.of("qty." + A2, "1", "reason", "x"), "zh-CN");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(testId(refused.body(), "return-error-form")).isEqualTo("海关放行前不能退货。");
    }

    @Test
    void the_order_page_says_why_no_return_can_be_asked_for_with_the_dates() {
        String[] placed = paid(1);
        String orderPage = "/s/" + shop.slug() + "/orders/" + placed[0] + "?token=" + placed[1];
        String unreleased = page(orderPage + "&lang=en");
        assertThat(unreleased).contains("data-reason=\"NOT_RELEASED\"").doesNotContain("data-testid=\"return-form\"");
        assertThat(testId(unreleased, "return-closed")).contains("once customs has released your goods");

        shop.release(placed[0]);
        Instant releasedAt = Instant.now().minus(Duration.ofDays(40));
        Rows.update(vitrine, "UPDATE order_status_history SET happened_at = ? WHERE kind = 'TRANSITION' "
                + "AND to_status = 'RELEASED' AND order_id = (SELECT id FROM orders WHERE order_no = ?)",
                SqlInstants.text(releasedAt), placed[0]);
        LocalDate releasedOn = ChinaTime.dateOf(releasedAt);
        String closed = page(orderPage + "&lang=en");
        assertThat(closed).contains("data-reason=\"RETURN_WINDOW_CLOSED\"").doesNotContain("data-testid=\"return-form\"");
        assertThat(testId(closed, "return-closed")).contains("released your goods on " + releasedOn,
                "the last day to ask was " + releasedOn.plusDays(30));
        assertThat(testId(page(orderPage + "&lang=zh-CN"), "return-closed")).contains(releasedOn.toString(), "最后申请日");

        HttpResponse<String> refused = form(placed, Map.of("qty." + A2, "1", "reason", "late"), "en");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(testId(refused.body(), "return-error-form")).startsWith("Returns closed");
    }

    private String[] paid(int quantity) {
        Map<String, Object> placed = api.expect(201, shop.post("orders", order(shop.cart(A2, quantity), newBuyer(),
                "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");
        shop.pay(orderNo);
        return new String[]{orderNo, (String) placed.get("orderToken")};
    }

    private HttpResponse<String> form(String[] placed, Map<String, String> fields, String lang) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI uri = vitrine.uri("/s/" + shop.slug() + "/orders/" + placed[0] + "/returns?token=" + placed[1]
                + "&lang=" + lang);
        return vitrine.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The text of the element with this test id. */
    private static String testId(String page, String id) {
        java.util.regex.Matcher text = java.util.regex.Pattern.compile("data-testid=\"" + java.util.regex.Pattern.quote(id)
                + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(text.find()).as("%s on %s", id, page).isTrue();
        return text.group(1).strip();
    }

    private String page(String path) {
        HttpResponse<String> page = vitrine.get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return page.body();
    }
}
