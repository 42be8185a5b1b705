package io.vitrine.api.tenants;

import io.vitrine.api.catalog.SampleImages;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vitrine.api.tenants.OnboardingFlowSuite.fieldRules;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-tenant storefront themes (issue #4): variables through the API, the stylesheet and logo, the pages' model. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeTest {

    private static final String THEME = "/api/v1/tenant/theme";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;

    ThemeTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aPark() {
        park = api.park();
    }

    @Test
    void before_any_change_a_shop_has_the_default_theme_under_its_own_name() {
        Merchant shop = api.merchant(park);

        Map<String, Object> theme = api.expect(200, api.get(THEME, shop.admin().token()));
        assertThat(theme).containsEntry("version", 0).containsEntry("logoUrl", null)
                .containsEntry("cssUrl", "/s/" + shop.slug() + "/theme.css?v=0");
        assertThat(object(theme, "colours")).containsEntry("primary", "#0f5c4d");
        assertThat(css(shop.slug(), null).body())
                .isEqualTo(":root{--v-primary:#0f5c4d;--v-primary-text:#ffffff;--v-accent:#e0a33b;--v-background:#f7f5f0;--v-text:#17211f}\n");

        String page = probe(shop.slug(), "zh-CN");
        assertThat(testId(page, "shopName")).isEqualTo(tenantName(shop));
        assertThat(testId(page, "logoUrl")).isEqualTo("none");
        assertThat(testId(page, "welcomeText")).isEqualTo("none");
        assertThat(testId(page, "cssUrl")).isEqualTo("/s/" + shop.slug() + "/theme.css?v=0");
    }

    @Test
    void saved_variables_reach_the_stylesheet_and_the_pages_in_their_language() {
        Merchant shop = api.merchant(park);

        Map<String, Object> saved = api.expect(200, api.put(THEME, shop.admin().token(), Map.of(
                "shopName", "前海旗舰 <b>",
                "colours", Map.of("primary", "#AA0011", "accent", "#00ff00"),
                "welcomeText", Map.of("zh", "欢迎光临", "en", "Welcome"),
                "footerText", Map.of("zh", "保税直供"))));

        assertThat(saved).containsEntry("version", 1).containsEntry("shopName", "前海旗舰 <b>");
        assertThat(object(saved, "colours")).containsEntry("primary", "#aa0011").containsEntry("primaryText", "#ffffff");
        HttpResponse<String> stylesheet = css(shop.slug(), "1");
        assertThat(stylesheet.body()).isEqualTo(
                ":root{--v-primary:#aa0011;--v-primary-text:#ffffff;--v-accent:#00ff00;--v-background:#f7f5f0;--v-text:#17211f}\n");
        assertThat(stylesheet.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(stylesheet.headers().firstValue("ETag")).hasValue("\"theme-1\"");
        assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css(shop.slug(), "0").headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        HttpResponse<String> unchanged = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + shop.slug() + "/theme.css"))
                .header("If-None-Match", "\"theme-1\"").build());
        assertThat(unchanged.statusCode()).isEqualTo(304);

        String chinese = probe(shop.slug(), "zh-CN");
        assertThat(chinese).contains("data-testid=\"shopName\">前海旗舰 &lt;b&gt;<");
        assertThat(testId(chinese, "welcomeText")).isEqualTo("欢迎光临");
        assertThat(testId(chinese, "footerText")).isEqualTo("保税直供");
        assertThat(testId(chinese, "cssUrl")).isEqualTo("/s/" + shop.slug() + "/theme.css?v=1");
        String english = probe(shop.slug(), "en");
        assertThat(testId(english, "welcomeText")).isEqualTo("Welcome");
        assertThat(testId(english, "footerText")).as("only in Chinese: the merchant's words").isEqualTo("保税直供");

        // a later PUT replaces every variable: what is left out goes back to the default
        Map<String, Object> again = api.expect(200, api.put(THEME, shop.admin().token(), Map.of("shopName", "Qianhai")));
        assertThat(again).containsEntry("version", 2);
        assertThat(object(again, "colours")).containsEntry("primary", "#0f5c4d");
        assertThat(object(again, "welcomeText")).containsEntry("zh", null);
    }

    @Test
    void invalid_variables_name_field_and_rule_and_change_nothing() {
        Merchant shop = api.merchant(park);
        api.expect(200, api.put(THEME, shop.admin().token(), Map.of("shopName", "Kept")));

        Map<String, Object> problem = api.expectProblem(400, api.put(THEME, shop.admin().token(), Map.of(
                "shopName", "x".repeat(61),
                "colours", Map.of("primary", "red", "primaryText", "#fff", "accent", "#12345g",
                        "background", "#000000;}body{background:url(//evil)}", "text", "#000000"),
                "welcomeText", Map.of("en", "w".repeat(201)),
                "footerText", Map.of("zh", "f".repeat(201)))));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("shopName:TOO_LONG", "colours.primary:COLOUR_FORM",
                "colours.primaryText:COLOUR_FORM", "colours.accent:COLOUR_FORM", "colours.background:COLOUR_FORM",
                "welcomeText.en:TOO_LONG", "footerText.zh:TOO_LONG");
        assertThat(api.expect(200, api.get(THEME, shop.admin().token()))).containsEntry("shopName", "Kept")
                .containsEntry("version", 1);
        assertThat(css(shop.slug(), null).body()).doesNotContain("evil");
    }

    @Test
    void a_logo_is_a_png_jpeg_or_webp_image_served_inert_and_cacheable() {
        Merchant shop = api.merchant(park);
        byte[] png = SampleImages.png(40, 20, 0x0f5c4d);

        Map<String, Object> saved = api.expect(200, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png", png,
                "Authorization", "Bearer " + shop.admin().token()));

        String logoUrl = "/s/" + shop.slug() + "/theme/logo?v=1";
        assertThat(saved).containsEntry("logoUrl", logoUrl).containsEntry("version", 1);
        HttpResponse<byte[]> logo = vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri(logoUrl)).build());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(png);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("sandbox"));
        assertThat(logo.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String etag = logo.headers().firstValue("ETag").orElseThrow();
        assertThat(vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri(logoUrl)).header("If-None-Match", etag).build())
                .statusCode()).isEqualTo(304);
        assertThat(testId(probe(shop.slug(), "en"), "logoUrl")).isEqualTo(logoUrl);

        // a new logo replaces it (a new version, a new address); removing it leaves none
        byte[] jpeg = SampleImages.jpeg(30, 30, 0xe0a33b);
        assertThat(api.expect(200, api.uploadBy("PUT", THEME + "/logo", "logo.jpg", "image/jpeg", jpeg,
                "Authorization", "Bearer " + shop.admin().token()))).containsEntry("version", 2);
        assertThat(vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri("/s/" + shop.slug() + "/theme/logo")).build()).body())
                .isEqualTo(jpeg);
        assertThat(api.expect(200, api.send("DELETE", THEME + "/logo", shop.admin().token(), null)))
                .containsEntry("logoUrl", null).containsEntry("version", 3);
        api.expectProblem(404, vitrine.get("/s/" + shop.slug() + "/theme/logo"));
        assertThat(Rows.column(vitrine, "SELECT id FROM stored_files WHERE tenant_id = ? AND category = 'logo'", shop.id()))
                .as("the replaced and removed logos are deleted").isEmpty();
    }

    @Test
    void svg_and_files_that_are_not_what_they_say_are_refused_on_the_file_field() {
        Merchant shop = api.merchant(park);
        String bearer = "Bearer " + shop.admin().token();
        byte[] svg = SampleImages.SVG.getBytes(StandardCharsets.UTF_8);

        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.svg", "image/svg+xml", svg,
                "Authorization", bearer)))).containsExactly("file:TYPE_NOT_ALLOWED");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png", svg,
                "Authorization", bearer)))).containsExactly("file:CONTENT_NOT_AS_DECLARED");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png",
                SampleImages.png(700, 700, 0x123456), "Authorization", bearer)))).containsExactly("file:TOO_LARGE");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png", new byte[0],
                "Authorization", bearer)))).containsExactly("file:EMPTY");

        assertThat(api.expect(200, api.get(THEME, shop.admin().token()))).containsEntry("logoUrl", null)
                .containsEntry("version", 0);
        assertThat(Rows.column(vitrine, "SELECT id FROM stored_files WHERE tenant_id = ?", shop.id())).isEmpty();
    }

    @Test
    void a_logo_must_decode_a_truncated_png_a_polyglot_and_a_bomb_are_refused_and_change_nothing() {
        Merchant shop = api.merchant(park);
        String bearer = "Bearer " + shop.admin().token();
        byte[] png = SampleImages.png(60, 40, 0x0f5c4d);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = java.util.Arrays.copyOf(png, png.length + html.length);
        System.arraycopy(html, 0, polyglot, png.length, html.length);
        byte[] svgBehindSignature = java.util.Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                8 + SampleImages.SVG.length());
        System.arraycopy(SampleImages.SVG.getBytes(StandardCharsets.UTF_8), 0, svgBehindSignature, 8,
                SampleImages.SVG.length());

        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png",
                truncated, "Authorization", bearer)))).containsExactly("file:NOT_AN_IMAGE");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png",
                polyglot, "Authorization", bearer)))).containsExactly("file:IMAGE_TRAILING_DATA");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png",
                svgBehindSignature, "Authorization", bearer)))).containsExactly("file:NOT_AN_IMAGE");
        assertThat(fieldRules(api.expectProblem(400, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png",
                SampleImages.pngHeaderOnly(30_000, 30_000), "Authorization", bearer)))).containsExactly("file:IMAGE_DIMENSIONS");

        assertThat(api.expect(200, api.get(THEME, shop.admin().token()))).containsEntry("logoUrl", null)
                .containsEntry("version", 0);
        assertThat(Rows.column(vitrine, "SELECT id FROM stored_files WHERE tenant_id = ?", shop.id()))
                .as("a refused logo is not kept").isEmpty();
        assertThat(api.expect(200, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png", png,
                "Authorization", bearer))).containsEntry("version", 1);
    }

    @Test
    void one_shops_theme_never_shows_on_another_and_only_its_retailer_admins_change_it() {
        Merchant one = api.merchant(park);
        Merchant other = api.merchant(park);
        api.expect(200, api.put(THEME, one.admin().token(), Map.of("shopName", "One", "colours", Map.of("primary", "#111111"))));
        api.expect(200, api.uploadBy("PUT", THEME + "/logo", "logo.png", "image/png", SampleImages.png(8, 8, 1),
                "Authorization", "Bearer " + one.admin().token()));

        assertThat(testId(probe(other.slug(), "en"), "shopName")).isEqualTo(tenantName(other));
        assertThat(css(other.slug(), null).body()).contains("--v-primary:#0f5c4d");
        api.expectProblem(404, vitrine.get("/s/" + other.slug() + "/theme/logo"));
        assertThat(api.expect(200, api.get(THEME, other.admin().token()))).containsEntry("shopName", null);

        api.expectProblem(403, api.put(THEME, park.admin().token(), Map.of("shopName", "park")));
        api.expectProblem(401, api.put(THEME, null, Map.of("shopName", "anyone")));
        // an unknown shop: the default stylesheet, no logo, the default theme on its pages
        assertThat(css("no-such-shop", null).body()).contains("--v-primary:#0f5c4d");
        api.expectProblem(404, vitrine.get("/s/no-such-shop/theme/logo"));
        assertThat(testId(probe("no-such-shop", "en"), "shopName")).isEqualTo("Vitrine");
    }

    private HttpResponse<String> css(String slug, String version) {
        return vitrine.get("/s/" + slug + "/theme.css" + (version == null ? "" : "?v=" + version));
    }

    private String probe(String slug, String lang) {
        HttpResponse<String> page = vitrine.get("/s/" + slug + "/test-only/theme-probe?lang=" + lang);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private String tenantName(Merchant shop) {
        return (String) api.expect(200, api.get("/api/v1/tenant", shop.admin().token())).get("name");
    }

    private static String testId(String page, String id) {
        Matcher found = Pattern.compile("data-testid=\"" + id + "\">([^<]*)<").matcher(page);
        assertThat(found.find()).as("%s in %s", id, page).isTrue();
        return found.group(1);
    }
}
