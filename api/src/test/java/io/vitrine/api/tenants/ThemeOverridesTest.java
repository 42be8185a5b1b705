package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's per-tenant templates ({@code vitrine.themes.overrides-dir}) in the running application: a
 * shop's working override renders with the theme model; a broken one, or one reaching for code, gives way to
 * the default page; other shops never see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeOverridesTest {

    @TempDir
    static Path overrides;
    @TempDir
    static Path scratch;

    private RunningVitrine vitrine;
    private TenantsApi api;
    private Park park;

    @BeforeAll
    void start() {
        vitrine = OwnVitrine.embedded(Map.of("vitrine.themes.overrides-dir", overrides.toString()));
        api = new TenantsApi(vitrine);
        park = api.park();
    }

    @AfterAll
    void stop() {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_shops_override_renders_for_that_shop_only() throws IOException {
        Merchant shop = api.merchant(park);
        Merchant other = api.merchant(park);
        api.expect(200, api.put("/api/v1/tenant/theme", shop.admin().token(), Map.of("shopName", "Overridden Shop")));
        write(shop.slug(), "<p data-testid=\"override\">${theme.shopName} ${msg[\"theme.title\"]}</p>");

        assertThat(probe(shop.slug())).contains("<p data-testid=\"override\">Overridden Shop Theme</p>")
                .doesNotContain("data-testid=\"shopName\"");
        assertThat(probe(other.slug())).doesNotContain("override").contains("data-testid=\"shopName\"");
    }

    @Test
    void a_broken_override_or_one_reaching_for_code_gives_way_to_the_default_page() throws IOException {
        Merchant broken = api.merchant(park);
        Merchant sneaky = api.merchant(park);
        Path marker = scratch.resolve("executed");
        write(broken.slug(), "<#list>never closed");
        write(sneaky.slug(), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}");

        assertThat(probe(broken.slug())).contains("data-testid=\"shopName\"");
        assertThat(probe(sneaky.slug())).contains("data-testid=\"shopName\"");
        assertThat(marker).doesNotExist();
    }

    private String probe(String slug) {
        HttpResponse<String> page = vitrine.get("/s/" + slug + "/test-only/theme-probe?lang=en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static void write(String slug, String template) throws IOException {
        Path file = overrides.resolve(slug).resolve("storefront/theme-probe.ftlh");
        Files.createDirectories(file.getParent());
        Files.writeString(file, template);
    }
}
