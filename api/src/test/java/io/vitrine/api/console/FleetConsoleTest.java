package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer's devices page at fleet scale (issue #3 "Consoles", fleet status): counts per kind and state,
 * the dark stores, and the devices a page at a time with their filters, all from the paged Fleet service.
 * <pre>
 * S1: kiosk online (paired just now), kiosk waiting for pairing
 * S2: kiosk paired, last seen an hour ago                       -> dark
 * S3: 51 POS never seen (offline), one POS revoked
 * </pre>
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetConsoleTest {

    private static final Pattern ROW = Pattern.compile("data-device=\"(dk_[a-z2-7]+)\"");

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private Merchant other;
    private ConsoleClient browser;
    private String s1;
    private String s2;
    private String s3;
    private String online;
    private String pending;
    private String dark;
    private String revoked;
    private final List<String> offlinePos = new ArrayList<>();

    FleetConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeAll
    void aFleet() {
        Park park = api.park();
        fixtures.warehouse(park, "FC-01");
        Merchant merchant = api.merchant(park);
        other = api.merchant(park);
        fixtures.store(other, "THEIRS-FC", "FC-01");
        s1 = fixtures.store(merchant, SampleCodes.unique("A").toUpperCase(), "FC-01");
        s2 = fixtures.store(merchant, SampleCodes.unique("B").toUpperCase(), "FC-01");
        s3 = fixtures.store(merchant, SampleCodes.unique("C").toUpperCase(), "FC-01");
        online = fixtures.pairedKiosk(merchant, s1);
        pending = (String) fixtures.device(merchant, s1, "KIOSK").get("deviceKey");
        dark = fixtures.pairedKiosk(merchant, s2);
        fixtures.lastSeen(dark, vitrine.bean(Clock.class).instant().minus(Duration.ofHours(1)));
        for (int i = 0; i < 51; i++) {
            offlinePos.add((String) fixtures.device(merchant, s3, "POS").get("deviceKey"));
        }
        revoked = (String) fixtures.device(merchant, s3, "POS").get("deviceKey");
        fixtures.revoke(merchant, revoked);
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void the_summary_counts_every_kind_in_every_state() {
        String page = browser.get("/console/devices?lang=en").body();

        assertThat(count(page, "KIOSK", "online")).isEqualTo("1");
        assertThat(count(page, "KIOSK", "offline")).isEqualTo("1");
        assertThat(count(page, "KIOSK", "pending")).isEqualTo("1");
        assertThat(count(page, "KIOSK", "revoked")).isEqualTo("0");
        assertThat(count(page, "POS", "offline")).isEqualTo("51");
        assertThat(count(page, "POS", "revoked")).isEqualTo("1");
        assertThat(count(page, "PARTNER", "total")).isEqualTo("0");
        assertThat(count(page, "ALL", "total")).isEqualTo("55");
        assertThat(page).contains("href=\"/console/devices?status=offline&amp;kind=POS&amp;lang=en\">51</a>");
    }

    @Test
    void the_dark_stores_are_those_whose_paired_kiosks_are_all_offline() {
        String page = browser.get("/console/devices?lang=en").body();

        String darkStores = page.substring(page.indexOf("data-testid=\"dark-stores\""));
        darkStores = darkStores.substring(0, darkStores.indexOf("</section>"));
        assertThat(darkStores).contains("Dark stores: 1", "data-dark-store=\"" + s2 + "\"", "1 paired kiosk")
                .doesNotContain(s1).doesNotContain(s3);
    }

    @Test
    void the_list_is_filtered_by_state_kind_and_store() {
        assertThat(devices("/console/devices?status=online&lang=en")).containsExactly(online);
        assertThat(devices("/console/devices?status=pending&lang=en")).containsExactly(pending);
        assertThat(devices("/console/devices?status=revoked&kind=POS&lang=en")).containsExactly(revoked);
        assertThat(devices("/console/devices?storeCode=" + s1 + "&lang=en")).containsExactlyInAnyOrder(online, pending);
        assertThat(devices("/console/devices?status=offline&kind=KIOSK&lang=en")).containsExactly(dark);
        String page = browser.get("/console/devices?status=pending&lang=en").body();
        assertThat(page).contains("<option value=\"pending\" selected>");
    }

    @Test
    void thousands_of_devices_come_a_page_at_a_time_and_the_page_links_keep_the_filters() {
        HttpResponse<String> first = browser.get("/console/devices?status=offline&kind=POS&lang=en");
        String next = "/console/devices?status=offline&kind=POS&page=1&lang=en";

        assertThat(ROW.matcher(first.body()).results().count()).isEqualTo(50);
        assertThat(first.body()).contains("51 in total", "rel=\"next\" href=\"" + next.replace("&", "&amp;") + "\"");
        List<String> second = devices(next);
        assertThat(second).hasSize(1);
        List<String> both = new ArrayList<>(devices("/console/devices?status=offline&kind=POS&lang=en"));
        both.addAll(second);
        assertThat(both).containsExactlyInAnyOrderElementsOf(offlinePos);
    }

    @Test
    void the_language_switch_keeps_the_filters_and_the_page() {
        String page = browser.get("/console/devices?status=offline&kind=POS&page=1&lang=en").body();

        assertThat(page).contains("href=\"/console/devices?status=offline&amp;kind=POS&amp;page=1&amp;lang=zh-CN\" hreflang=\"zh-CN\"");
    }

    @Test
    void another_retailers_store_is_none_of_ours_and_shows_none_of_its_devices() {
        HttpResponse<String> answer = browser.get("/console/devices?storeCode=THEIRS-FC&lang=en");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(Html.testId(answer.body(), "error-filter-storeCode")).isEqualTo("None of your stores has this code.");
        assertThat(ROW.matcher(answer.body()).find()).isFalse();
    }

    @Test
    void a_state_that_is_no_state_is_the_400_page() {
        assertThat(browser.get("/console/devices?status=sleeping").statusCode()).isEqualTo(400);
        assertThat(browser.get("/console/devices?kind=TOASTER").statusCode()).isEqualTo(400);
    }

    private List<String> devices(String path) {
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return ROW.matcher(page.body()).results().map(m -> m.group(1)).toList();
    }

    /** The count in the summary's row of that kind and column of that state. */
    static String count(String page, String kind, String state) {
        String row = page.substring(page.indexOf("<tr data-kind=\"" + kind + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        Matcher cell = Pattern.compile("data-state=\"" + state + "\">(?:<a [^>]*>|<span [^>]*>)?(\\d+)<").matcher(row);
        assertThat(cell.find()).as("%s %s in %s", kind, state, row).isTrue();
        return cell.group(1);
    }
}
