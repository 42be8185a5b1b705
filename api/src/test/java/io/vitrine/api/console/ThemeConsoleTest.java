package io.vitrine.api.console;

import io.vitrine.api.catalog.SampleImages;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The retailer's theme page: variables with per-field errors, the logo, the link in the navigation. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private ConsoleClient browser;

    ThemeConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aRetailerSignedIn() {
        merchant = api.merchant(api.park());
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void the_retailer_admin_changes_the_theme_from_the_page() {
        String home = browser.get("/console?lang=en").body();
        assertThat(home).contains("href=\"/console/theme?lang=en\"");

        HttpResponse<String> saved = browser.post("/console/theme?lang=en", form("#aa0011", "Welcome to Qianhai"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/console/theme?saved=1&lang=en");
        String page = browser.get("/console/theme?saved=1&lang=en").body();
        assertThat(page).contains("data-testid=\"saved\"", "value=\"#aa0011\"", "value=\"Welcome to Qianhai\"",
                "href=\"/s/" + merchant.slug() + "/theme.css?v=1\"", "data-testid=\"no-logo\"");
        assertThat(vitrine.get("/s/" + merchant.slug() + "/theme.css").body()).contains("--v-primary:#aa0011");
    }

    @Test
    void an_invalid_form_shows_each_fields_error_and_changes_nothing() {
        long before = version();
        Map<String, String> form = form("red", "w".repeat(201));

        HttpResponse<String> refused = browser.post("/console/theme?lang=en", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.testId(refused.body(), "error-primary")).isEqualTo("A colour as #rrggbb.");
        assertThat(Html.testId(refused.body(), "error-welcomeEn")).isEqualTo("Too long.");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void the_logo_is_uploaded_shown_and_removed_and_svg_is_refused_on_its_field() {
        byte[] png = SampleImages.png(16, 16, 0x336699);
        HttpResponse<String> uploaded = api.uploadBy("POST", "/console/theme/logo?lang=en", "logo.png", "image/png", png,
                "Cookie", browser.cookie(), "Sec-Fetch-Site", "same-origin");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        String page = browser.get("/console/theme?lang=en").body();
        assertThat(page).contains("data-testid=\"current-logo\"", "/s/" + merchant.slug() + "/theme/logo?v=");

        HttpResponse<String> svg = api.uploadBy("POST", "/console/theme/logo?lang=en", "logo.svg", "image/svg+xml",
                SampleImages.SVG.getBytes(StandardCharsets.UTF_8), "Cookie", browser.cookie(), "Sec-Fetch-Site", "same-origin");
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(Html.testId(svg.body(), "error-file")).isEqualTo("This kind of file is not accepted here.");
        assertThat(svg.body()).contains("data-testid=\"current-logo\"");

        assertThat(browser.post("/console/theme/logo/remove?lang=en", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/console/theme?lang=en").body()).contains("data-testid=\"no-logo\"");
    }

    @Test
    void another_role_has_no_theme_page() {
        assertThat(vitrine.get("/console/theme", "Authorization", "Bearer " + api.park().admin().token()).statusCode())
                .isEqualTo(403);
    }

    private long version() {
        return ((Number) api.expect(200, api.get("/api/v1/tenant/theme", merchant.admin().token())).get("version")).longValue();
    }

    private static Map<String, String> form(String primary, String welcomeEn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("shopName", "");
        form.put("primary", primary);
        form.put("primaryText", "#ffffff");
        form.put("accent", "#e0a33b");
        form.put("background", "#f7f5f0");
        form.put("text", "#17211f");
        form.put("welcomeZh", "欢迎");
        form.put("welcomeEn", welcomeEn);
        form.put("footerZh", "");
        form.put("footerEn", "");
        return form;
    }
}
