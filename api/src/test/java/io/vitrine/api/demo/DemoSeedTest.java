package io.vitrine.api.demo;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded demo as README.md promises it: a first start seeds a park, a retailer with stores, kiosks, a
 * POS and staff and prints working credentials; a restart on the same data finds it and seeds nothing again.
 */
class DemoSeedTest {

    private static final Pattern PAIRING = Pattern.compile("KIOSK S001: (dk_\\w+)\\s+pairing code (\\w+)");
    private static final Pattern POS = Pattern.compile("POS S002: (dk_\\w+)\\s+secret (\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void a_first_start_seeds_the_demo_and_prints_credentials_that_work_and_a_restart_seeds_nothing_again() {
        String firstBanner = printedWhile(this::start, vitrine -> {
            TenantsApi api = new TenantsApi(vitrine);
            String retailer = api.login(DemoAccounts.RETAILER_ADMIN, DemoAccounts.RETAILER_ADMIN_PASSWORD);
            assertThat(items(api.expect(200, api.get("/api/v1/stores", retailer)))).extracting(s -> s.get("code"))
                    .containsExactly("S001", "S002", "S003");
            assertThat(items(api.expect(200, api.get("/api/v1/devices", retailer)))).hasSize(4);
            Map<String, Object> settings = api.expect(200, api.get("/api/v1/tenant/settings", retailer));
            assertThat(settings).as("the demo shop declares and ships through the demo partner")
                    .containsEntry("logisticsProvider", "demo");
            assertThat(((Map<?, ?>) settings.get("customs")).get("ebcCode")).isEqualTo(DemoAccounts.RETAILER_CUSTOMS_CODE);
            assertThat(items(api.expect(200, api.get("/api/v1/products?size=50", retailer)))).hasSize(5);
            assertThat(api.expect(200, api.get("/api/v1/stock/WH-DEMO-1/A2-FORMULA-900", retailer)))
                    .containsEntry("onHand", 120);
            String found = searchableSoon(vitrine, "/s/demo-shop/api/search?q=naifen&store=S001");
            assertThat(found).as("the kiosk search finds the formula by its pinyin").contains("A2-FORMULA-900");
            Matcher thumbnail = Pattern.compile("\"imageUrl\":\"(/s/demo-shop/images/[0-9a-f-]{36}/thumb)\"").matcher(found);
            assertThat(thumbnail.find()).as("the demo product has a picture: %s", found).isTrue();
            java.net.http.HttpResponse<String> picture = vitrine.get(thumbnail.group(1));
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");

            String park = api.login(DemoAccounts.PARK_ADMIN, DemoAccounts.PARK_ADMIN_PASSWORD);
            assertThat(items(api.expect(200, api.get("/api/v1/parks/demo-park/tenants", park))))
                    .extracting(t -> t.get("slug")).containsExactly(DemoAccounts.RETAILER_SLUG);

            String manager = api.login(DemoAccounts.STORE_MANAGER, DemoAccounts.STORE_MANAGER_PASSWORD);
            assertThat(items(api.expect(200, api.get("/api/v1/stores", manager)))).extracting(s -> s.get("code"))
                    .containsExactly("S002");
            assertThat(api.login(DemoAccounts.PLATFORM_ADMIN, DemoAccounts.PLATFORM_ADMIN_PASSWORD)).isNotBlank();
            return null;
        });
        assertThat(firstBanner).contains(DemoAccounts.RETAILER_ADMIN_PASSWORD, DemoAccounts.PLATFORM_ADMIN_PASSWORD);

        Matcher kiosk = PAIRING.matcher(firstBanner);
        assertThat(kiosk.find()).as("the banner names S001's kiosk and its pairing code:%n%s", firstBanner).isTrue();
        Matcher pos = POS.matcher(firstBanner);
        assertThat(pos.find()).as("the banner names the POS and its secret").isTrue();

        String secondBanner = printedWhile(this::start, vitrine -> {
            TenantsApi api = new TenantsApi(vitrine);
            String retailer = api.login(DemoAccounts.RETAILER_ADMIN, DemoAccounts.RETAILER_ADMIN_PASSWORD);
            assertThat(items(api.expect(200, api.get("/api/v1/stores", retailer)))).hasSize(3);
            assertThat(items(api.expect(200, api.get("/api/v1/devices", retailer)))).hasSize(4);
            assertThat(items(api.expect(200, api.get("/api/v1/products?size=50", retailer))))
                    .allSatisfy(product -> assertThat((List<?>) product.get("images")).hasSize(1));
            // the code printed on the first start pairs the kiosk after the restart
            api.expect(200, api.post("/s/" + DemoAccounts.RETAILER_SLUG + "/kiosk/S001/pair", null,
                    Map.of("pairingCode", kiosk.group(2))));
            return null;
        });
        assertThat(secondBanner).contains(DemoAccounts.PARK_ADMIN).contains("first start only")
                .doesNotContain(kiosk.group(2)).doesNotContain(pos.group(2));
    }

    /** The storefront's answer once the outbox has fed the index (it does within a second; allow ten). */
    private static String searchableSoon(RunningVitrine vitrine, String path) {
        String body = "";
        for (int attempt = 0; attempt < 100 && !body.contains("\"sku\""); attempt++) {
            body = vitrine.get(path).body();
            if (!body.contains("\"sku\"")) {
                sleep();
            }
        }
        return body;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RunningVitrine start() {
        Map<String, Object> properties = new HashMap<>(PrivacyTestKeys.properties());
        properties.put("vitrine.demo.enabled", true);
        return RunningVitrine.startOn(dataDir, properties);
    }

    /** What the application printed to the terminal while it started and {@code use} ran. */
    private static String printedWhile(java.util.function.Supplier<RunningVitrine> start,
                                       Function<RunningVitrine, Void> use) {
        PrintStream terminal = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (RunningVitrine vitrine = start.get()) {
            use.apply(vitrine);
        } finally {
            System.setOut(terminal);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
