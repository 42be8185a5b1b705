package io.vitrine.api.console;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bonded display pages (issue #9) over HTTP as a browser sends them: the retailer opens an account from the form
 * (a refused form names its fields), records a movement once however often the form is sent, sees a refusal said in
 * the page's language; another retailer's account is the 404 page; the park admin's page shows the member's
 * guarantee and the reconciliation, and downloads the report.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;
    private Merchant other;
    private String store;
    private String warehouse;
    private String sku;
    private ConsoleClient retailer;
    private LocalDate today;

    DisplayConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aRetailerWithBondedStockAtAnExperienceStore() {
        today = ChinaTime.today(vitrine.bean(Clock.class));
        park = api.park();
        warehouse = SampleCodes.unique("CW").toUpperCase();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", warehouse, "name", "Bonded", "emsNo", "T5349W6", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        other = api.merchant(park);
        store = SampleCodes.unique("Y").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", store, "name", "体验店",
                "kind", "EXPERIENCE_STORE", "address", "1 Changfeng St", "district", "140105",
                "warehouseCode", warehouse)));
        sku = "CS-" + UUID.randomUUID().toString().substring(0, 8);
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, "
                + "origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, created_at, updated_at) "
                + "VALUES (?, ?, ?, '样品', 'a2', '母婴/奶粉', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                + "'1210', ?, 29900, '', ?, ?)", UUID.randomUUID().toString(), merchant.id(), sku, warehouse, now, now);
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + sku, merchant.admin().token(),
                Map.of("quantity", 10)));
        retailer = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void a_retailer_opens_an_account_and_records_a_movement_once_and_a_refusal_is_said_in_its_language() {
        Map<String, String> bad = accountForm();
        bad.put("guaranteeYuan", "lots");
        bad.put("displayTo", today.minusDays(1).toString());
        HttpResponse<String> refused = retailer.post("/console/display?lang=en", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(refused.body(), "error-guaranteeYuan")).isTrue();

        String account = open();
        Map<String, String> move = Map.of("movementKey", "console-" + UUID.randomUUID(), "kind", "OUT_FOR_DISPLAY",
                "sku", sku, "quantity", "3");
        HttpResponse<String> first = retailer.post("/console/display/" + account + "/movements", move);
        HttpResponse<String> again = retailer.post("/console/display/" + account + "/movements", move); // double click

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        String page = retailer.get("/console/display/" + account + "?lang=en").body();
        assertThat(Html.testId(page, "on-display")).isEqualTo("3");
        assertThat(page).contains("Out for display");
        assertThat(api.expect(200, api.get("/api/v1/display/accounts/" + account + "/movements",
                merchant.admin().token())).get("total")).isEqualTo(1);

        HttpResponse<String> tooMany = retailer.post("/console/display/" + account + "/movements?lang=zh-CN",
                Map.of("movementKey", "console-" + UUID.randomUUID(), "kind", "RETURNED_TO_ZONE", "sku", sku,
                        "quantity", "5"));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(Html.testId(tooMany.body(), "refusal")).isEqualTo("已拒绝：超过在展数量。");

        HttpResponse<String> unitsOut = retailer.post("/console/display/" + account + "/close?lang=en",
                Map.of("releasedOn", today.toString(), "releaseReference", "REL-1"));
        assertThat(unitsOut.statusCode()).isEqualTo(409);
        assertThat(Html.testId(unitsOut.body(), "refusal")).startsWith("Refused: units are still out");

        ConsoleClient stranger = ConsoleClient.signedIn(vitrine, other.admin().username(), other.admin().password());
        assertThat(stranger.get("/console/display/" + account).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/console/display/" + account + "/movements", move).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/console/display/" + account + "/close", Map.of("releasedOn", today.toString(),
                "releaseReference", "REL-1")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_retailer_closes_an_account_with_nothing_out_and_the_page_shows_it_closed() {
        Merchant closer = api.merchant(park);
        String closerStore = SampleCodes.unique("Z").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", closer.admin().token(), Map.of("code", closerStore, "name",
                "体验店", "kind", "EXPERIENCE_STORE", "address", "2 Changfeng St", "district", "140105",
                "warehouseCode", warehouse)));
        Map<String, Object> request = new HashMap<>(Map.of("storeCode", closerStore, "guarantee", Map.of("amountFen",
                100_000, "reference", "BG-CLOSE", "expiresOn", today.plusDays(60).toString()), "displayFrom",
                today.toString(), "displayTo", today.plusDays(30).toString()));
        String account = (String) api.expect(201, api.post("/api/v1/display/accounts", closer.admin().token(),
                request)).get("id");
        ConsoleClient console = ConsoleClient.signedIn(vitrine, closer.admin().username(), closer.admin().password());
        String close = "/console/display/" + account + "/close";

        HttpResponse<String> invalid = console.post(close + "?lang=en", Map.of("releasedOn", "tomorrow",
                "releaseReference", ""));
        HttpResponse<String> closed = console.post(close, Map.of("releasedOn", today.toString(),
                "releaseReference", "REL-CONSOLE"));
        String page = console.get("/console/display/" + account + "?lang=en").body();
        HttpResponse<String> afterwards = console.post("/console/display/" + account + "/movements?lang=zh-CN",
                Map.of("movementKey", "console-" + UUID.randomUUID(), "kind", "RETURNED_TO_ZONE", "sku", sku,
                        "quantity", "1"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(invalid.body(), "error-releasedOn")).isTrue();
        assertThat(Html.hasTestId(invalid.body(), "error-releaseReference")).isTrue();
        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(Html.testId(page, "status")).isEqualTo("Closed: guarantee released on " + today
                + " (ref REL-CONSOLE)");
        assertThat(Html.hasTestId(page, "close-form")).isFalse();
        assertThat(Html.hasTestId(page, "movement-form")).isFalse();
        assertThat(afterwards.statusCode()).isEqualTo(409);
        assertThat(Html.testId(afterwards.body(), "refusal")).isEqualTo("已拒绝：该账户已关闭，不再接受变动。");
        ConsoleClient parkAdmin = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());
        assertThat(parkAdmin.get("/console/park/display?lang=en").body()).contains("Closed " + today + " · REL-CONSOLE");
    }

    @Test
    void the_park_admin_sees_the_members_guarantee_and_downloads_the_report() {
        open();
        ConsoleClient parkAdmin = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());

        HttpResponse<String> page = parkAdmin.get("/console/park/display?lang=en");
        HttpResponse<String> zh = parkAdmin.get("/console/park/display");
        HttpResponse<byte[]> csv = parkAdmin.download("/console/park/display/report?format=csv");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(merchant.slug(), store, "BG-CONSOLE-1", "¥50,000.00");
        assertThat(zh.body()).contains("账户与担保");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(store).contains("BG-CONSOLE-1");
        assertThat(retailer.get("/console/park/display").statusCode()).isEqualTo(403);
    }

    private String open() {
        List<Map<String, Object>> existing = TenantsApi.items(api.expect(200, api.get("/api/v1/display/accounts",
                merchant.admin().token())));
        if (!existing.isEmpty()) {
            return (String) existing.get(0).get("id");
        }
        HttpResponse<String> opened = retailer.post("/console/display", accountForm());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        String location = opened.headers().firstValue("Location").orElseThrow();
        return location.substring("/console/display/".length(), location.indexOf('?'));
    }

    private Map<String, String> accountForm() {
        Map<String, String> form = new HashMap<>();
        form.put("formToken", "token-" + UUID.randomUUID());
        form.put("storeCode", store);
        form.put("guaranteeYuan", "50000.00");
        form.put("guaranteeReference", "BG-CONSOLE-1");
        form.put("guaranteeExpiresOn", today.plusDays(120).toString());
        form.put("displayFrom", today.toString());
        form.put("displayTo", today.plusDays(90).toString());
        return form;
    }
}
