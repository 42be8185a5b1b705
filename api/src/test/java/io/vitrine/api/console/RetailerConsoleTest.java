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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/** The retailer's console: stores, devices, staff and the import page, over HTTP as a browser sends them. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetailerConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private Merchant other;
    private ConsoleClient browser;

    RetailerConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void twoRetailersOfOnePark() {
        Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "RC-01", "name", "Bonded 1", "emsNo", "T5349W8", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        other = api.merchant(park);
        api.expect(201, api.post("/api/v1/stores", other.admin().token(), new LinkedHashMap<>(store("THEIRS-1"))));
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void a_retailer_admin_creates_a_store_then_changes_it() {
        String code = SampleCodes.unique("S").toUpperCase();

        HttpResponse<String> created = browser.post("/console/stores?lang=en", store(code));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/console/stores/" + code + "?saved=1&lang=en");
        String page = browser.get("/console/stores/" + code + "?saved=1&lang=en").body();
        assertThat(page).contains("data-testid=\"saved\"", "data-testid=\"store-code\">" + code + "<");

        Map<String, String> change = store(code);
        change.remove("code");
        change.put("name", "Qianhai flagship");
        assertThat(browser.post("/console/stores/" + code, change).statusCode()).isEqualTo(303);
        assertThat(api.expect(200, api.get("/api/v1/stores/" + code, merchant.admin().token())))
                .containsEntry("name", "Qianhai flagship");
        assertThat(browser.get("/console/stores?lang=en").body()).contains("href=\"/console/stores/" + code + "?lang=en\"");
    }

    @Test
    void an_invalid_store_form_shows_each_fields_error_and_changes_nothing() {
        String code = "BAD CODE!";
        Map<String, String> form = store(code);
        form.put("name", "");
        form.put("district", "12345");
        form.put("warehouseCode", "NOT-OURS");
        long before = storeCount();

        HttpResponse<String> answer = browser.post("/console/stores?lang=en", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        assertThat(Html.testId(page, "error-code")).isEqualTo("1-32 letters, digits, - or _.");
        assertThat(Html.testId(page, "error-name")).isEqualTo("Required.");
        assertThat(Html.testId(page, "error-district")).startsWith("Six digits");
        assertThat(Html.testId(page, "error-warehouseCode")).isEqualTo("Not a bonded warehouse of your park.");
        assertThat(page).contains("value=\"BAD CODE!\"", "aria-invalid=\"true\"");
        assertThat(storeCount()).isEqualTo(before);
    }

    @Test
    void coordinates_that_are_not_numbers_are_refused_on_the_field_in_the_pages_language() {
        Map<String, String> form = store(SampleCodes.unique("S").toUpperCase());
        form.put("lat", "north");
        form.put("lng", "113.9");

        HttpResponse<String> answer = browser.post("/console/stores?lang=zh-CN", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Html.testId(answer.body(), "error-lat")).isEqualTo("请输入小数，例如 22.5431。");
    }

    @Test
    void another_retailers_store_is_the_404_page_to_read_and_to_change() {
        HttpResponse<String> read = browser.get("/console/stores/THEIRS-1?lang=en");
        Map<String, String> change = store("THEIRS-1");
        change.put("name", "taken over");
        HttpResponse<String> changed = browser.post("/console/stores/THEIRS-1", change);
        change.put("lat", "not a number");
        HttpResponse<String> refused = browser.post("/console/stores/THEIRS-1", change);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).contains("data-testid=\"error-title\">Not found<").doesNotContain("Store THEIRS-1");
        assertThat(changed.statusCode()).isEqualTo(404);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(api.expect(200, api.get("/api/v1/stores/THEIRS-1", other.admin().token())))
                .containsEntry("name", "Store THEIRS-1");
    }

    @Test
    void a_store_manager_sees_only_the_stores_it_is_scoped_to_and_cannot_change_them() {
        String mine = SampleCodes.unique("M").toUpperCase();
        String notMine = SampleCodes.unique("N").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), new LinkedHashMap<>(store(mine))));
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), new LinkedHashMap<>(store(notMine))));
        String username = SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", merchant.admin().token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(mine))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "manager-password-123")));
        ConsoleClient manager = ConsoleClient.signedIn(vitrine, username, "manager-password-123");

        String list = manager.get("/console/stores?lang=en").body();
        assertThat(list).contains(mine).doesNotContain(notMine).doesNotContain("/console/stores/-/new");
        assertThat(manager.get("/console/stores/" + mine + "?lang=en").body()).contains("data-testid=\"store\"")
                .doesNotContain("<form class=\"form form--grid\"");
        assertThat(manager.get("/console/stores/" + notMine).statusCode()).isEqualTo(404);
        assertThat(manager.post("/console/stores/" + mine, store(mine)).statusCode()).isEqualTo(403);
        assertThat(manager.get("/console/devices").statusCode()).isEqualTo(403);
    }

    @Test
    void a_kiosk_shows_its_pairing_code_once_then_the_fleet_lists_it_online_with_its_app_version_once_it_beats() {
        String code = SampleCodes.unique("K").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), new LinkedHashMap<>(store(code))));

        HttpResponse<String> answer = browser.post("/console/devices?lang=en", Map.of("kind", "KIOSK", "storeCode", code));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        String pairingCode = Html.testId(answer.body(), "pairing-code");
        String deviceKey = Html.testId(answer.body(), "device-key");
        assertThat(pairingCode).matches("[A-Z2-7]{8}");
        String fleet = browser.get("/console/devices?lang=en").body();
        assertThat(fleet).contains("data-device=\"" + deviceKey + "\"", "Waiting for pairing").doesNotContain(pairingCode);

        HttpResponse<String> paired = api.post("/s/" + merchant.slug() + "/kiosk/" + code + "/pair", null,
                Map.of("pairingCode", pairingCode));
        assertThat(paired.statusCode()).isEqualTo(200);
        String kioskCookie = paired.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> heartbeat = vitrine.send(java.net.http.HttpRequest.newBuilder(
                        vitrine.uri("/s/" + merchant.slug() + "/kiosk/heartbeat"))
                .header("Cookie", kioskCookie).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"appVersion\":\"kiosk-web 1.4.2\"}")).build());
        assertThat(heartbeat.statusCode()).isEqualTo(200);

        String online = browser.get("/console/devices?status=online&lang=en").body();
        String row = online.substring(online.indexOf("data-device=\"" + deviceKey + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-testid=\"presence\">Online<", "kiosk-web 1.4.2")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(browser.get("/console/devices?status=offline&lang=en").body()).doesNotContain(deviceKey);
    }

    @Test
    void a_pos_gets_a_secret_once_a_new_one_on_rotation_and_revoking_it_acts_at_once() {
        String code = SampleCodes.unique("P").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), new LinkedHashMap<>(store(code))));
        String registered = browser.post("/console/devices", Map.of("kind", "POS", "storeCode", code)).body();
        String deviceKey = Html.testId(registered, "device-key");
        String secret = Html.testId(registered, "device-secret");

        HttpResponse<String> rotated = browser.post("/console/devices/" + deviceKey + "/rotate", Map.of());
        HttpResponse<String> revoked = browser.post("/console/devices/" + deviceKey + "/revoke?lang=en", Map.of());

        assertThat(Html.testId(rotated.body(), "device-secret")).hasSize(43).isNotEqualTo(secret);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/console/devices?revoked=" + deviceKey + "&lang=en");
        assertThat(items(api.expect(200, api.get("/api/v1/devices", merchant.admin().token()))))
                .filteredOn(d -> d.get("deviceKey").equals(deviceKey))
                .extracting(d -> d.get("status")).containsExactly("REVOKED");
    }

    @Test
    void a_device_for_a_store_that_is_not_ours_is_refused_on_the_field() {
        HttpResponse<String> answer = browser.post("/console/devices?lang=en", Map.of("kind", "KIOSK", "storeCode", "THEIRS-1"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Html.testId(answer.body(), "error-storeCode")).isEqualTo("None of your stores has this code.");
        assertThat(items(api.expect(200, api.get("/api/v1/devices", other.admin().token())))).isEmpty();
    }

    @Test
    void inviting_a_colleague_shows_the_invitation_once_and_a_role_the_admin_may_not_hand_out_is_refused() {
        String username = SampleCodes.unique("colleague");

        HttpResponse<String> invited = browser.post("/console/staff?lang=en",
                Map.of("username", username, "role", "RETAILER_ADMIN", "storeCodes", ""));
        HttpResponse<String> refused = browser.post("/console/staff?lang=en",
                Map.of("username", SampleCodes.unique("officer"), "role", "CUSTOMS_OFFICER", "storeCodes", ""));

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = Html.testId(invited.body(), "invitation-token");
        assertThat(Html.testId(invited.body(), "invitation-url")).endsWith("/console/invitations/" + token);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.testId(refused.body(), "error-role")).isEqualTo("You may not hand out this role.");
        api.expect(201, api.post("/api/v1/invitations/" + token + "/accept", null,
                Map.of("password", "colleague-password-1")));
        assertThat(browser.get("/console/staff").body()).contains(username);
    }

    @Test
    void the_import_page_offers_the_csv_upload_to_the_import_endpoint() {
        HttpResponse<String> page = browser.get("/console/stores/-/import?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/api/v1/stores:import\"", "name=\"file\"", "type=\"file\"",
                "<progress id=\"store-import-bar\"", "/static/js/import-panel.js?v=", "/static/js/store-import.js?v=", "data-msg-counts=\"done {0}");
        assertThat(vitrine.get("/static/js/import-panel.js").statusCode()).isEqualTo(200);
        assertThat(vitrine.get("/static/js/store-import.js").statusCode()).isEqualTo(200);
    }

    private long storeCount() {
        return ((Number) api.expect(200, api.get("/api/v1/stores?size=1", merchant.admin().token())).get("total")).longValue();
    }

    private static Map<String, String> store(String code) {
        Map<String, String> store = new LinkedHashMap<>();
        store.put("code", code);
        store.put("name", "Store " + code);
        store.put("kind", "CONVENIENCE_STORE");
        store.put("address", "1 Qianhai Rd");
        store.put("district", "440305");
        store.put("warehouseCode", "RC-01");
        return store;
    }
}
