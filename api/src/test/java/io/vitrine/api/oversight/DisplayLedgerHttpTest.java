package io.vitrine.api.oversight;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bonded display ledger over HTTP in the embedded application, with parks, retailers, warehouses, stores and
 * stock made through the API: accounts and movements with their status codes, a replay answered again, refusals as
 * problem+json naming the rule or the fields, another tenant's account 404, the park's view of its members only,
 * and the report as JSON, CSV and XLSX.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayLedgerHttpTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final LocalDate today;
    private Shop shop;
    private Shop neighbour;
    private TenantsApi.Park otherPark;

    DisplayLedgerHttpTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.today = ChinaTime.today(vitrine.bean(Clock.class));
    }

    record Shop(Merchant merchant, String warehouse, String store, String sku) {
        String token() {
            return merchant.admin().token();
        }
    }

    @BeforeAll
    void shops() {
        TenantsApi.Park park = api.park();
        shop = shop(park);
        neighbour = shop(park);
        otherPark = api.park();
    }

    @Test
    void a_retailer_records_movements_once_each_and_a_replay_is_answered_again() {
        String account = open(shop);
        Map<String, Object> move = movement(shop, "k-" + UUID.randomUUID(), "OUT_FOR_DISPLAY", 4);

        Map<String, Object> first = api.expect(201, api.post(movements(account), shop.token(), move));
        HttpResponse<String> again = api.post(movements(account), shop.token(), move);

        assertThat(first.get("onDisplayAfter")).isEqualTo(4);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(api.json(again).get("id")).isEqualTo(first.get("id"));
        Map<String, Object> read = api.expect(200, api.get("/api/v1/display/accounts/" + account, shop.token()));
        assertThat(read.get("onDisplay")).isEqualTo(4);
        assertThat(TenantsApi.object(read, "guarantee").get("amountFen")).isEqualTo(5000000);
        Map<String, Object> stock = api.expect(200, api.get("/api/v1/stock/" + shop.warehouse() + "/" + shop.sku(),
                shop.token()));
        assertThat(stock.get("onHand")).as("out of the warehouse, once").isEqualTo(20 - 4);
        assertThat(TenantsApi.items(api.expect(200, api.get(movements(account), shop.token())))).hasSize(1);

        Map<String, Object> reused = api.expectProblem(409, api.post(movements(account), shop.token(),
                movement(shop, (String) move.get("movementKey"), "OUT_FOR_DISPLAY", 5)));
        assertThat(reused.get("code")).isEqualTo("MOVEMENT_KEY_REUSED");
    }

    @Test
    void refusals_are_problems_naming_the_rule_or_the_fields_and_change_nothing() {
        String account = open(neighbour);
        api.expect(201, api.post(movements(account), neighbour.token(), movement(neighbour, "o-" + UUID.randomUUID(),
                "OUT_FOR_DISPLAY", 2)));

        Map<String, Object> negative = api.expectProblem(422, api.post(movements(account), neighbour.token(),
                movement(neighbour, "r-" + UUID.randomUUID(), "RETURNED_TO_ZONE", 3)));
        Map<String, Object> invalid = api.expectProblem(400, api.post(movements(account), neighbour.token(),
                Map.of("movementKey", "no spaces", "kind", "LOST", "sku", neighbour.sku(), "quantity", 0)));
        Map<String, Object> badAccount = api.expectProblem(400, api.post("/api/v1/display/accounts", neighbour.token(),
                Map.of("storeCode", neighbour.store(), "guarantee", Map.of("amountFen", 1.5), "displayFrom", "soon")));

        assertThat(negative.get("code")).isEqualTo("DISPLAY_BALANCE_NEGATIVE");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("movementKey:MOVEMENT_KEY_FORM", "kind:NOT_ONE_OF",
                "quantity:QUANTITY_RANGE");
        assertThat(fields(badAccount)).contains("guarantee.amountFen:WHOLE_FEN", "guarantee.reference:REQUIRED",
                "displayFrom:DATE", "displayTo:REQUIRED");
        Map<String, Object> read = api.expect(200, api.get("/api/v1/display/accounts/" + account, neighbour.token()));
        assertThat(read.get("onDisplay")).isEqualTo(2);
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM display_movements WHERE account_id = ?", account))
                .containsExactly("1");
        api.expectProblem(409, api.post("/api/v1/display/accounts", neighbour.token(), accountRequest(neighbour)));
    }

    @Test
    void another_tenants_account_is_404_and_the_park_sees_its_members_only() {
        String account = open(shop);

        api.expectProblem(404, api.get("/api/v1/display/accounts/" + account, neighbour.token()));
        api.expectProblem(404, api.post(movements(account), neighbour.token(),
                movement(neighbour, "x-" + UUID.randomUUID(), "OUT_FOR_DISPLAY", 1)));
        api.expectProblem(403, api.get("/api/v1/display/accounts", shop.merchant().park().admin().token()));

        String park = shop.merchant().park().slug();
        List<Map<String, Object>> seen = TenantsApi.items(api.expect(200, api.get("/api/v1/display/parks/" + park
                + "/accounts?member=" + shop.merchant().slug(), shop.merchant().park().admin().token())));
        assertThat(seen).extracting(a -> a.get("member")).containsOnly(shop.merchant().slug());
        assertThat(seen).extracting(a -> a.get("id")).contains(account);
        api.expectProblem(404, api.get("/api/v1/display/parks/" + park + "/accounts", otherPark.admin().token()));
        api.expectProblem(404, api.get("/api/v1/display/parks/" + otherPark.slug() + "/accounts?member="
                + shop.merchant().slug(), otherPark.admin().token()));
        api.expectProblem(403, api.get("/api/v1/display/parks/" + park + "/accounts", shop.token()));
    }

    @Test
    void the_report_comes_as_json_csv_and_xlsx_for_the_retailer_and_its_park() {
        open(shop);
        open(neighbour);
        String park = "/api/v1/display/parks/" + shop.merchant().park().slug() + "/report";

        Map<String, Object> json = api.expect(200, api.get("/api/v1/display/report", shop.token()));
        HttpResponse<String> csv = api.get("/api/v1/display/report?format=csv", shop.token());
        HttpResponse<String> xlsx = api.get(park + "?format=xlsx", shop.merchant().park().admin().token());
        Map<String, Object> parkJson = api.expect(200, api.get(park, shop.merchant().park().admin().token()));

        assertThat(json).containsKeys("lines", "guarantees", "differences", "asOf");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("display-reconciliation-").contains(".csv"));
        assertThat(csv.body()).contains("member,storeCode,warehouseCode,emsNo,sku").contains(shop.store());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(TenantsApi.items(Map.of("items", parkJson.get("guarantees")))).extracting(g -> g.get("member"))
                .contains(shop.merchant().slug(), neighbour.merchant().slug());
        Map<String, Object> badFormat = api.expectProblem(400, api.get("/api/v1/display/report?format=pdf",
                shop.token()));
        assertThat(fields(badFormat)).containsExactly("format:NOT_ONE_OF");
    }

    @Test
    void an_account_closes_once_nothing_is_out_and_then_refuses_movements() {
        Shop closing = shop(shop.merchant().park());
        String account = open(closing);
        api.expect(201, api.post(movements(account), closing.token(), movement(closing, "o-" + UUID.randomUUID(),
                "OUT_FOR_DISPLAY", 3)));
        String close = "/api/v1/display/accounts/" + account + "/close";
        Map<String, Object> release = Map.of("releasedOn", today.toString(), "releaseReference", "REL-2026-7");

        Map<String, Object> unitsOut = api.expectProblem(409, api.post(close, closing.token(), release));
        Map<String, Object> invalid = api.expectProblem(400, api.post(close, closing.token(),
                Map.of("releasedOn", today.plusDays(2).toString())));
        api.expectProblem(404, api.post(close, neighbour.token(), release));

        assertThat(unitsOut.get("code")).isEqualTo("DISPLAY_UNITS_OUT");
        assertThat(unitsOut.get("detail").toString()).contains(closing.sku() + ": 3 on display");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("releasedOn:NOT_IN_FUTURE",
                "releaseReference:REQUIRED");
        assertThat(api.expect(200, api.get("/api/v1/display/accounts/" + account, closing.token())).get("status"))
                .isEqualTo("OPEN");

        api.expect(201, api.post(movements(account), closing.token(), movement(closing, "r-" + UUID.randomUUID(),
                "RETURNED_TO_ZONE", 3)));
        Map<String, Object> closed = api.expect(200, api.post(close, closing.token(), release));

        assertThat(closed.get("status")).isEqualTo("CLOSED");
        assertThat(TenantsApi.object(closed, "release")).containsEntry("releasedOn", today.toString())
                .containsEntry("reference", "REL-2026-7");
        assertThat(api.expectProblem(409, api.post(movements(account), closing.token(), movement(closing,
                "o-" + UUID.randomUUID(), "OUT_FOR_DISPLAY", 1))).get("code")).isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        assertThat(api.expectProblem(409, api.post(close, closing.token(), release)).get("code"))
                .isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        assertThat(api.expectProblem(409, api.put("/api/v1/display/accounts/" + account, closing.token(),
                accountRequest(closing))).get("code")).isEqualTo("DISPLAY_ACCOUNT_CLOSED");
        Map<String, Object> report = api.expect(200, api.get("/api/v1/display/parks/"
                + closing.merchant().park().slug() + "/report?member=" + closing.merchant().slug(),
                closing.merchant().park().admin().token()));
        assertThat(TenantsApi.items(Map.of("items", report.get("guarantees"))))
                .extracting(g -> g.get("accountId"), g -> g.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(account, "CLOSED"));
        assertThat(TenantsApi.items(Map.of("items", report.get("lines")))).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("soldNotDeclared", 0).containsEntry("flag", "CLEAR"));
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = "
                + "'DISPLAY_ACCOUNT_CLOSED'", account)).containsExactly("1");
    }

    // ---- helpers

    /** The shop's account, opened once per shop (a second open of the same store is 409). */
    private String open(Shop of) {
        List<Map<String, Object>> existing = TenantsApi.items(api.expect(200, api.get("/api/v1/display/accounts",
                of.token())));
        if (!existing.isEmpty()) {
            return (String) existing.get(0).get("id");
        }
        return (String) api.expect(201, api.post("/api/v1/display/accounts", of.token(), accountRequest(of)))
                .get("id");
    }

    private Map<String, Object> accountRequest(Shop of) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("storeCode", of.store());
        request.put("guarantee", Map.of("amountFen", 5_000_000, "reference", "BG-2026-001",
                "expiresOn", today.plusDays(120).toString()));
        request.put("displayFrom", today.toString());
        request.put("displayTo", today.plusDays(90).toString());
        return request;
    }

    private static Map<String, Object> movement(Shop of, String key, String kind, int quantity) {
        return Map.of("movementKey", key, "kind", kind, "sku", of.sku(), "quantity", quantity);
    }

    private static String movements(String account) {
        return "/api/v1/display/accounts/" + account + "/movements";
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(e -> e.get("field") + ":" + e.get("rule")).toList();
    }

    private Shop shop(TenantsApi.Park park) {
        Merchant merchant = api.merchant(park);
        String warehouse = SampleCodes.unique("DW").toUpperCase();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", warehouse, "name", "Bonded", "emsNo", "T5349W9", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        String store = SampleCodes.unique("E").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", store, "name", "体验店",
                "kind", "EXPERIENCE_STORE", "address", "1 Changfeng St", "district", "140105",
                "warehouseCode", warehouse)));
        String sku = "DS-" + UUID.randomUUID().toString().substring(0, 8);
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, "
                + "origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, created_at, updated_at) "
                + "VALUES (?, ?, ?, '样品', 'a2', '母婴/奶粉', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                + "'1210', ?, 29900, '', ?, ?)", UUID.randomUUID().toString(), merchant.id(), sku, warehouse, now, now);
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + sku, merchant.admin().token(),
                Map.of("quantity", 20)));
        return new Shop(merchant, warehouse, store, sku);
    }
}
