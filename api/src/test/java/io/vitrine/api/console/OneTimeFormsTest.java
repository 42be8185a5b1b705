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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create-form sent twice from the same page (a double click, a reload of its answer) creates once and
 * answers the first answer again (OneTimeForms): one device and its one pairing code, one store, one
 * invitation. The same form from a page shown anew is another form.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTimeFormsTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]{22})\"");

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private Merchant merchant;
    private ConsoleClient browser;

    OneTimeFormsTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeAll
    void aRetailer() {
        Park park = api.park();
        fixtures.warehouse(park, "OT-01");
        merchant = api.merchant(park);
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void a_device_registration_sent_twice_registers_one_device_and_shows_its_pairing_code_both_times() {
        String store = fixtures.store(merchant, SampleCodes.unique("OT").toUpperCase(), "OT-01");
        Map<String, String> form = form(token("/console/devices?lang=en"), "kind", "KIOSK", "storeCode", store);

        HttpResponse<String> first = browser.post("/console/devices?lang=en", form);
        HttpResponse<String> second = browser.post("/console/devices?lang=en", form);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Html.testId(second.body(), "device-key")).isEqualTo(Html.testId(first.body(), "device-key"));
        assertThat(Html.testId(second.body(), "pairing-code")).isEqualTo(Html.testId(first.body(), "pairing-code"));
        assertThat(devicesOf(store)).hasSize(1);
    }

    @Test
    void two_registrations_sent_at_once_register_one_device() {
        String store = fixtures.store(merchant, SampleCodes.unique("OT").toUpperCase(), "OT-01");
        Map<String, String> form = form(token("/console/devices"), "kind", "POS", "storeCode", store);

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> browser.post("/console/devices", form));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> browser.post("/console/devices", form));

        assertThat(List.of(one.join().statusCode(), two.join().statusCode())).containsOnly(200);
        assertThat(Html.testId(one.join().body(), "device-secret")).isEqualTo(Html.testId(two.join().body(), "device-secret"));
        assertThat(devicesOf(store)).hasSize(1);
    }

    @Test
    void the_same_form_on_a_page_shown_again_registers_another_device() {
        String store = fixtures.store(merchant, SampleCodes.unique("OT").toUpperCase(), "OT-01");

        browser.post("/console/devices", form(token("/console/devices"), "kind", "KIOSK", "storeCode", store));
        browser.post("/console/devices", form(token("/console/devices"), "kind", "KIOSK", "storeCode", store));

        assertThat(devicesOf(store)).hasSize(2);
    }

    @Test
    void a_refused_form_frees_its_token_for_the_corrected_form() {
        String store = fixtures.store(merchant, SampleCodes.unique("OT").toUpperCase(), "OT-01");
        String token = token("/console/devices?lang=en");

        HttpResponse<String> refused = browser.post("/console/devices?lang=en", form(token, "kind", "KIOSK", "storeCode", "NOT-OURS"));
        HttpResponse<String> corrected = browser.post("/console/devices?lang=en", form(token, "kind", "KIOSK", "storeCode", store));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(devicesOf(store)).hasSize(1);
    }

    @Test
    void the_same_token_with_other_values_after_it_ran_is_the_409_page_and_creates_nothing() {
        String store = fixtures.store(merchant, SampleCodes.unique("OT").toUpperCase(), "OT-01");
        String token = token("/console/devices");
        browser.post("/console/devices", form(token, "kind", "KIOSK", "storeCode", store));

        HttpResponse<String> other = browser.post("/console/devices", form(token, "kind", "POS", "storeCode", store));

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(devicesOf(store)).hasSize(1);
    }

    @Test
    void a_store_form_sent_twice_creates_one_store_and_both_answers_lead_to_it() {
        String code = SampleCodes.unique("OT").toUpperCase();
        Map<String, String> form = form(token("/console/stores/-/new?lang=en"), "code", code, "name", "Store " + code,
                "kind", "CONVENIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", "OT-01");

        HttpResponse<String> first = browser.post("/console/stores?lang=en", form);
        HttpResponse<String> second = browser.post("/console/stores?lang=en", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
                .hasValue("/console/stores/" + code + "?saved=1&lang=en");
    }

    @Test
    void an_invitation_sent_twice_invites_once() {
        String username = SampleCodes.unique("twice");
        Map<String, String> form = form(token("/console/staff"), "username", username, "role", "RETAILER_ADMIN",
                "storeCodes", "");

        HttpResponse<String> first = browser.post("/console/staff", form);
        HttpResponse<String> second = browser.post("/console/staff", form);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Html.testId(second.body(), "invitation-token")).isEqualTo(Html.testId(first.body(), "invitation-token"));
    }

    /** The form token of the page, as a browser finds it in the form. */
    private String token(String page) {
        Matcher found = TOKEN.matcher(browser.get(page).body());
        assertThat(found.find()).as("a form token on %s", page).isTrue();
        return found.group(1);
    }

    private static Map<String, String> form(String token, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.put(OneTimeForms.FIELD, token);
        return form;
    }

    private List<Map<String, Object>> devicesOf(String store) {
        return items(api.expect(200, api.get("/api/v1/devices?storeCode=" + store, merchant.admin().token())));
    }
}
