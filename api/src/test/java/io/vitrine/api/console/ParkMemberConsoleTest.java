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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A park admin's page of one member (tenants.parks.MemberOversight, MemberSuspensions): the member with its
 * counts, stores and fleet, every read in the member's audit trail; suspending and reinstating with a reason.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParkMemberConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private Park park;
    private Merchant member;
    private Merchant otherParksMember;
    private String store;
    private String kiosk;
    private ConsoleClient browser;

    ParkMemberConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeAll
    void aParkWithAMemberThatHasAStoreAndDevices() {
        park = api.park();
        fixtures.warehouse(park, "PM-01");
        member = api.merchant(park);
        store = fixtures.store(member, SampleCodes.unique("PM").toUpperCase(), "PM-01");
        kiosk = fixtures.pairedKiosk(member, store);
        fixtures.device(member, store, "POS");
        otherParksMember = api.merchant(api.park());
        browser = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());
    }

    @Test
    void the_members_list_leads_to_the_members_page() {
        String list = browser.get("/console/park/members?lang=en").body();

        assertThat(list).contains("href=\"/console/park/members/" + member.slug() + "?lang=en\"");
    }

    @Test
    void the_members_page_shows_its_counts_and_stores_and_each_read_is_audited() {
        long before = reads("PARK_READ_MEMBER") + reads("PARK_READ_MEMBER_STORES");

        HttpResponse<String> page = browser.get("/console/park/members/" + member.slug() + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Html.testId(page.body(), "member-slug")).isEqualTo(member.slug());
        assertThat(Html.testId(page.body(), "store-count")).isEqualTo("1");
        assertThat(page.body()).contains("data-store=\"" + store + "\"",
                "href=\"/console/park/members/" + member.slug() + "/devices?status=online&amp;kind=KIOSK&amp;lang=en\">1</a>",
                "href=\"/console/park/members/" + member.slug() + "/devices?status=offline&amp;kind=POS&amp;lang=en\">1</a>");
        assertThat(reads("PARK_READ_MEMBER") + reads("PARK_READ_MEMBER_STORES")).isEqualTo(before + 2);
    }

    @Test
    void the_members_devices_are_listed_with_the_fleet_filters_and_each_page_is_audited() {
        long before = reads("PARK_READ_MEMBER_DEVICES");

        String online = browser.get("/console/park/members/" + member.slug() + "/devices?status=online&lang=en").body();
        String all = browser.get("/console/park/members/" + member.slug() + "/devices?storeCode=" + store + "&lang=en").body();
        HttpResponse<String> notTheirs = browser.get("/console/park/members/" + member.slug() + "/devices?storeCode=NOPE-1&lang=en");

        assertThat(online).contains("data-device=\"" + kiosk + "\"").containsOnlyOnce("data-device=");
        assertThat(all).contains("2 in total").doesNotContain("/rotate").doesNotContain("/revoke");
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(Html.testId(notTheirs.body(), "error-filter-storeCode")).isEqualTo("None of your stores has this code.");
        assertThat(reads("PARK_READ_MEMBER_DEVICES")).isEqualTo(before + 2);
    }

    @Test
    void suspending_needs_a_reason_and_a_suspended_member_is_reinstated_with_another() {
        Merchant suspended = api.merchant(park);
        String path = "/console/park/members/" + suspended.slug();

        HttpResponse<String> refused = browser.post(path + "/suspend?lang=en", Map.of("reason", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.testId(refused.body(), "error-reason")).isEqualTo("Required.");
        assertThat(status(suspended)).isEqualTo("ACTIVE");

        HttpResponse<String> done = browser.post(path + "/suspend?lang=en", Map.of("reason", "Unpaid customs bond."));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue(path + "?changed=suspended&lang=en");
        String page = browser.get(path + "?changed=suspended&lang=en").body();
        assertThat(Html.testId(page, "member-status")).isEqualTo("Suspended");
        assertThat(Html.testId(page, "status-reason")).isEqualTo("Unpaid customs bond.");
        assertThat(page).contains("action=\"" + path + "/reinstate?lang=en\"");
        assertThat(status(suspended)).isEqualTo("SUSPENDED");
        assertThat(browser.post(path + "/suspend?lang=en", Map.of("reason", "again")).statusCode()).isEqualTo(409);

        assertThat(browser.post(path + "/reinstate?lang=en", Map.of("reason", "Bond paid.")).statusCode()).isEqualTo(303);
        assertThat(status(suspended)).isEqualTo("ACTIVE");
    }

    @Test
    void another_parks_member_is_the_404_page_and_is_neither_read_nor_suspended() {
        String path = "/console/park/members/" + otherParksMember.slug();

        assertThat(browser.get(path).statusCode()).isEqualTo(404);
        assertThat(browser.get(path + "/devices").statusCode()).isEqualTo(404);
        assertThat(browser.get(path + "/devices?storeCode=ANY").statusCode()).isEqualTo(404);
        assertThat(browser.post(path + "/suspend", Map.of("reason", "not yours")).statusCode()).isEqualTo(404);
        assertThat(status(otherParksMember)).isEqualTo("ACTIVE");
        assertThat(fixtures.column("SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'PARK_READ%'",
                otherParksMember.id())).isEmpty();
    }

    private long reads(String action) {
        return fixtures.column("SELECT action FROM audit_events WHERE tenant_id = ? AND action = ?", member.id(), action).size();
    }

    /** Read straight from the table: reading it through the park's API would itself be an audited read. */
    private String status(Merchant merchant) {
        return fixtures.column("SELECT status FROM tenants WHERE id = ?", merchant.id()).get(0);
    }
}
