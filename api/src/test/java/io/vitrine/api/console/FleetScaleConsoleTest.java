package io.vitrine.api.console;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.infra.SqlInstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer's devices page with 2000 devices (issue #8 fleet status): the summary counts, the app version
 * filter, the order by last seen, the live part ({@code /console/devices/live}) with the page's filters, the
 * API's {@code ?status=offline} agreeing with the page, and another retailer seeing none of it. The devices are
 * inserted as rows in a few statements (registering 2000 through the API would be the test's whole time).
 * <pre>
 * S1: 1200 POS seen 11 minutes ago (offline: the window is 10), app 1.0
 *     600 POS seen a minute ago (online), app 2.0
 *     150 kiosks waiting for pairing, 50 POS revoked
 * </pre>
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetScaleConsoleTest {

    private static final Pattern ROW = Pattern.compile("data-device=\"(dk_[a-z0-9]+)\"");

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private Merchant merchant;
    private Merchant other;
    private ConsoleClient browser;
    private String store;
    private String longestSilent;

    FleetScaleConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeAll
    void twoThousandDevices() {
        Park park = api.park();
        fixtures.warehouse(park, "FS-01");
        merchant = api.merchant(park);
        other = api.merchant(park);
        store = fixtures.store(merchant, SampleCodes.unique("F").toUpperCase(), "FS-01");
        fixtures.store(other, store, "FS-01");
        String tenant = Rows.column(vitrine, "SELECT id FROM tenants WHERE slug = ?", merchant.slug()).get(0);
        Instant now = vitrine.bean(Clock.class).instant();
        List<String> offline = insert(tenant, "POS", "ACTIVE", 1200, now.minus(Duration.ofMinutes(11)), "1.0");
        longestSilent = offline.get(0);
        Rows.update(vitrine, "UPDATE devices SET last_seen_at = ? WHERE device_key = ?",
                SqlInstants.text(now.minus(Duration.ofDays(3))), longestSilent);
        insert(tenant, "POS", "ACTIVE", 600, now.minus(Duration.ofMinutes(1)), "2.0");
        insert(tenant, "KIOSK", "PENDING_PAIRING", 150, null, null);
        insert(tenant, "POS", "REVOKED", 50, now.minus(Duration.ofDays(1)), "1.0");
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void the_summary_counts_two_thousand_devices_by_kind_and_state() {
        String page = browser.get("/console/devices?lang=en").body();

        assertThat(FleetConsoleTest.count(page, "POS", "online")).isEqualTo("600");
        assertThat(FleetConsoleTest.count(page, "POS", "offline")).isEqualTo("1200");
        assertThat(FleetConsoleTest.count(page, "POS", "revoked")).isEqualTo("50");
        assertThat(FleetConsoleTest.count(page, "KIOSK", "pending")).isEqualTo("150");
        assertThat(FleetConsoleTest.count(page, "ALL", "total")).isEqualTo("2000");
        assertThat(ROW.matcher(page).results().count()).isEqualTo(50);
        assertThat(page).contains("2,000 in total", "data-live=\"/console/devices/live?page=0&amp;lang=en\"");
    }

    @Test
    void the_api_calls_offline_what_the_page_calls_offline() {
        Map<String, Object> offline = api.expect(200, api.get("/api/v1/devices?status=offline&size=1",
                merchant.admin().token()));
        Map<String, Object> online = api.expect(200, api.get("/api/v1/devices?status=online&appVersion=2.0&size=1",
                merchant.admin().token()));

        assertThat(((Number) offline.get("total")).longValue()).isEqualTo(1200);
        assertThat(((Number) online.get("total")).longValue()).isEqualTo(600);
    }

    @Test
    void filtered_by_app_version_and_ordered_by_last_seen_the_longest_silent_comes_first() {
        HttpResponse<String> answer = browser.get("/console/devices?status=offline&appVersion=1.0&sort=lastSeen&lang=en");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(devices(answer.body()).get(0)).isEqualTo(longestSilent);
        assertThat(answer.body()).contains("1,200 in total", "<option value=\"lastSeen\" selected>",
                "rel=\"next\" href=\"/console/devices?status=offline&amp;appVersion=1.0&amp;sort=lastSeen&amp;page=1&amp;lang=en\"");
        assertThat(devices(browser.get("/console/devices?appVersion=2.0&sort=-lastSeen&page=11&lang=en").body()))
                .as("600 of app 2.0: the 12th page of 50 is the last").hasSize(50);
        assertThat(devices(browser.get("/console/devices?appVersion=2.0&page=12&lang=en").body())).isEmpty();
        assertThat(browser.get("/console/devices?sort=newest").statusCode()).isEqualTo(400);
    }

    @Test
    void the_live_part_is_the_summary_and_the_same_page_with_the_same_filters_without_the_frame() {
        String page = browser.get("/console/devices?status=offline&appVersion=1.0&sort=lastSeen&page=2&lang=en").body();
        HttpResponse<String> live = browser.get("/console/devices/live?status=offline&appVersion=1.0&sort=lastSeen"
                + "&page=2&lang=en");

        assertThat(page).contains("data-live=\"/console/devices/live?status=offline&amp;appVersion=1.0&amp;sort=lastSeen"
                + "&amp;page=2&amp;lang=en\"");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(live.body()).doesNotContain("<html", "console-nav", "data-testid=\"fleet-filters\"")
                .contains("data-testid=\"fleet-summary\"", "1,200 in total");
        assertThat(devices(live.body())).hasSize(50).isEqualTo(devices(page));
        assertThat(FleetConsoleTest.count(live.body(), "POS", "offline")).isEqualTo("1200");
    }

    @Test
    void another_retailer_sees_none_of_these_devices() {
        ConsoleClient theirs = ConsoleClient.signedIn(vitrine, other.admin().username(), other.admin().password());

        String page = theirs.get("/console/devices?lang=en").body();
        assertThat(FleetConsoleTest.count(page, "ALL", "total")).isEqualTo("0");
        assertThat(devices(theirs.get("/console/devices/live?storeCode=" + store + "&lang=en").body())).isEmpty();
        assertThat(theirs.get("/console/devices/live?appVersion=1.0&lang=en").body()).doesNotContain("data-device=");
        Map<String, Object> listed = api.expect(200, api.get("/api/v1/devices?status=offline",
                other.admin().token()));
        assertThat(((Number) listed.get("total")).longValue()).isZero();
    }

    /** {@code n} devices of the tenant in the store, in statements of 500 rows; their keys, in key order. */
    private List<String> insert(String tenant, String kind, String status, int n, Instant lastSeen, String version) {
        List<String> keys = new ArrayList<>();
        for (int done = 0; done < n; done += 500) {
            int rows = Math.min(500, n - done);
            StringBuilder sql = new StringBuilder("INSERT INTO devices (id, tenant_id, device_key, kind, store_code, "
                    + "status, last_seen_at, app_version, created_at) VALUES ");
            List<String> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String key = "dk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
                keys.add(key);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                values.addAll(java.util.Arrays.asList(UUID.randomUUID().toString(), tenant, key, kind, store, status,
                        SqlInstants.text(lastSeen), version, SqlInstants.text(Instant.now())));
            }
            assertThat(Rows.update(vitrine, sql.toString(), values.toArray(String[]::new))).isEqualTo(rows);
        }
        return keys.stream().sorted().toList();
    }

    private static List<String> devices(String page) {
        return ROW.matcher(page).results().map(m -> m.group(1)).toList();
    }
}
