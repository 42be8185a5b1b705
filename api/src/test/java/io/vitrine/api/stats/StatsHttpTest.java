package io.vitrine.api.stats;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.KioskSampling;
import io.vitrine.oversight.stats.OrderKeys;
import io.vitrine.oversight.stats.StatsDelta;
import io.vitrine.oversight.stats.StatsRollups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/stats} and its export in the embedded application, over aggregate rows written as the statistics'
 * consumer writes them (the events → rows path is proven in oversight's {@code StatsSuite}): a retailer reads its own
 * stores and origins, a park its members and never another park's, the platform admin everyone; a tenant filter outside
 * the scope is 404; CSV and XLSX carry the same figures; bad parameters are 400 naming the field and the rule.
 */
@ExtendWith(EmbeddedVitrine.class)
class StatsHttpTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final String MARCH = "from=2026-03-01&to=2026-03-31";

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    StatsHttpTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_retailer_reads_its_own_stores_a_park_its_members_and_the_platform_admin_everyone() {
        TenantsApi.Park park = api.park();
        TenantsApi.Merchant mine = api.merchant(park);
        TenantsApi.Merchant member = api.merchant(park);
        TenantsApi.Merchant outsider = api.merchant(api.park());
        add(mine.id(), "S001", "1210", "116", StatsDelta.paid(10_000, 910));
        add(mine.id(), "S002", "9610", "133", StatsDelta.paid(20_000, 1_820));
        add(mine.id(), "S002", "9610", "133", StatsDelta.decided(true).plus(StatsDelta.released(3_600)));
        add(member.id(), "B01", "1210", "116", StatsDelta.paid(5_000, 455));
        add(outsider.id(), "X01", "1210", "116", StatsDelta.paid(7_000, 0));

        Map<String, Object> stores = api.expect(200, api.get("/api/v1/stats?" + MARCH + "&groupBy=store",
                mine.admin().token()));
        assertThat(stores).containsEntry("groupBy", "store").containsEntry("from", "2026-03-01");
        assertThat(keys(stores)).containsExactly("S001", "S002");
        assertThat((Map<String, Object>) stores.get("totals")).containsEntry("orders", 2).containsEntry("gmvFen", 30_000)
                .containsEntry("taxFen", 2_730).containsEntry("declarationPassRate", 1.0)
                .containsEntry("released", 1);
        assertThat(group(stores, "S002")).containsEntry("tenant", mine.slug()).containsEntry("orders", 1);
        assertThat(((Number) group(stores, "S002").get("clearanceP50Seconds")).longValue()).isBetween(3_600L, 3_640L);
        assertThat(keys(api.expect(200, api.get("/api/v1/stats?" + MARCH + "&groupBy=originCountry",
                mine.admin().token())))).containsExactly("116", "133");
        List<Map<String, Object>> days = groups(api.expect(200, api.get("/api/v1/stats?" + MARCH,
                mine.admin().token())));
        assertThat(days).hasSize(31);
        assertThat(days.get(9)).containsEntry("key", "2026-03-10").containsEntry("orders", 2);

        Map<String, Object> parkView = api.expect(200, api.get("/api/v1/stats?" + MARCH + "&groupBy=tenant",
                park.admin().token()));
        assertThat(groups(parkView)).extracting(g -> g.get("tenant")).containsExactlyInAnyOrder(mine.slug(),
                member.slug());
        assertThat((Map<String, Object>) parkView.get("totals")).containsEntry("orders", 3);
        assertThat(keys(api.expect(200, api.get("/api/v1/stats?" + MARCH + "&groupBy=store&tenant=" + member.slug(),
                park.admin().token())))).containsExactly("B01");
        api.expectProblem(404, api.get("/api/v1/stats?" + MARCH + "&tenant=" + outsider.slug(),
                park.admin().token()));
        api.expectProblem(404, api.get("/api/v1/stats?" + MARCH + "&tenant=" + member.slug(),
                mine.admin().token()));

        Map<String, Object> everyone = api.expect(200, api.get("/api/v1/stats?" + MARCH + "&groupBy=tenant",
                api.platformAdminToken()));
        assertThat(groups(everyone)).extracting(g -> g.get("tenant")).contains(mine.slug(), member.slug(),
                outsider.slug());
    }

    @Test
    void the_export_carries_the_report_as_csv_and_xlsx() {
        TenantsApi.Merchant mine = api.merchant(api.park());
        add(mine.id(), "S001", "1210", "116", StatsDelta.paid(10_000, 910));
        add(mine.id(), "S001", "1210", "116", StatsDelta.returned(6_000));
        add(mine.id(), "S003", "GENERAL", "142", StatsDelta.paid(4_000, 0));

        for (TabularFormat format : TabularFormat.values()) {
            HttpResponse<byte[]> file = download("/api/v1/stats:export?format=" + format.name().toLowerCase()
                    + "&" + MARCH + "&groupBy=store", mine.admin().token());
            assertThat(file.statusCode()).as(format.name()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("stats-store-2026-03-01-2026-03-31." + format.name().toLowerCase());
            List<List<String>> rows = read(file.body(), format);
            assertThat(rows).as(format.name()).containsExactly(
                    List.of("S001", mine.slug(), "1", "10000", "6000", "4000", "910", "0", "0", "", "0", "", "", "1",
                            "6000", "1.0", "", ""),
                    List.of("S003", mine.slug(), "1", "4000", "0", "4000", "0", "0", "0", "", "0", "", "", "0", "0",
                            "0.0", "", ""),
                    List.of("TOTAL", "", "2", "14000", "6000", "8000", "910", "0", "0", "", "0", "", "", "1", "6000",
                            "0.5", "", ""));
        }
        // the same figures as JSON: net GMV = GMV less the refunds
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) api.expect(200, api.get("/api/v1/stats?" + MARCH
                + "&groupBy=store", mine.admin().token())).get("totals");
        assertThat(totals).containsEntry("gmvFen", 14_000).containsEntry("refundedFen", 6_000)
                .containsEntry("netGmvFen", 8_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kiosks_sampled_once_per_slot_give_active_kiosks_and_uptime_per_store() {
        TenantsApi.Merchant mine = api.merchant(api.park());
        kiosk(mine, "K01", Instant.now());                          // online
        kiosk(mine, "K01", Instant.now().minus(Duration.ofHours(2))); // paired, silent for two hours
        kiosk(mine, "K02", Instant.now().minusSeconds(30));         // online
        KioskSampling sampling = vitrine.bean(KioskSampling.class);
        // two slots of one China day far from any real round's (2026-02-10 12:00 and 12:05 in Shanghai)
        Instant noon = Instant.parse("2026-02-10T04:00:00Z");

        assertThat(sampling.sample(noon)).isPresent();
        assertThat(sampling.sample(noon.plusSeconds(10))).isEmpty(); // the same slot: taken
        assertThat(sampling.sample(noon.plusSeconds(300))).isPresent();

        Map<String, Object> stores = api.expect(200, api.get("/api/v1/stats?from=2026-02-10&to=2026-02-10&groupBy=store",
                mine.admin().token()));
        assertThat(group(stores, "K01")).containsEntry("activeKiosks", 1.0).containsEntry("kioskUptime", 0.5);
        assertThat(group(stores, "K02")).containsEntry("activeKiosks", 1.0).containsEntry("kioskUptime", 1.0);
        assertThat((Map<String, Object>) stores.get("totals")).containsEntry("activeKiosks", 2.0)
                .containsEntry("kioskUptime", 0.6667);
        assertThat(groups(api.expect(200, api.get("/api/v1/stats?from=2026-02-10&to=2026-02-10&groupBy=tradeMode",
                mine.admin().token())))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void bad_parameters_are_refused_naming_the_field_and_the_rule() {
        String token = api.merchant(api.park()).admin().token();

        assertThat(rules(api.expectProblem(400, api.get("/api/v1/stats?" + MARCH + "&groupBy=week", token))))
                .containsExactly("groupBy:GROUP_BY");
        assertThat(rules(api.expectProblem(400, api.get("/api/v1/stats?from=2026-13-01&to=2026-03-31", token))))
                .containsExactly("from:DAY_FORM");
        assertThat(rules(api.expectProblem(400, api.get("/api/v1/stats?from=2026-03-31&to=2026-03-01", token))))
                .containsExactly("to:RANGE_ORDER");
        assertThat(rules(api.expectProblem(400, api.get("/api/v1/stats?from=2024-01-01&to=2026-03-01", token))))
                .containsExactly("to:RANGE_TOO_LONG");
        assertThat(rules(api.expectProblem(400, api.get("/api/v1/stats:export?format=pdf&" + MARCH, token))))
                .containsExactly("format:EXPORT_FORMAT");
        assertThat(vitrine.get("/api/v1/stats?" + MARCH).statusCode()).isEqualTo(401);
    }

    private void kiosk(TenantsApi.Merchant merchant, String store, Instant lastSeen) {
        String seen = LocalDateTime.ofInstant(lastSeen, ZoneOffset.UTC).toString().replace('T', ' ');
        Rows.update(vitrine, "INSERT INTO devices (id, tenant_id, device_key, kind, store_code, status, last_seen_at, "
                + "created_at) VALUES (?, ?, ?, 'KIOSK', ?, 'ACTIVE', ?, ?)", UUID.randomUUID().toString(), merchant.id(),
                "dk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), store, seen, seen);
    }

    private void add(String tenant, String store, String mode, String origin, StatsDelta delta) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = vitrine.bean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            vitrine.bean(StatsRollups.class).add(new OrderKeys(TenantId.of(tenant), store, mode, origin), DAY, delta);
            return null;
        });
    }

    private HttpResponse<byte[]> download(String path, String token) {
        return vitrine.sendBytes(HttpRequest.newBuilder(vitrine.uri(path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    private List<List<String>> read(byte[] file, TabularFormat format) {
        List<String> header = List.of("store", "tenant", "orders", "gmvFen", "refundedFen", "netGmvFen", "taxFen",
                "declarationsDecided",
                "declarationsPassed", "declarationPassRate", "released", "clearanceP50Seconds", "clearanceP90Seconds",
                "returns", "returnedFen", "returnRate", "activeKiosks", "kioskUptime");
        List<List<String>> rows = new ArrayList<>();
        vitrine.bean(TabularReader.class).read(new ByteArrayInputStream(file), format,
                TabularColumns.of(header, List.of()),
                (TabularRow row) -> rows.add(header.stream().map(column -> row.values().get(column)).toList()));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("groups");
    }

    private static List<Object> keys(Map<String, Object> report) {
        return groups(report).stream().map(g -> g.get("key")).toList();
    }

    private static Map<String, Object> group(Map<String, Object> report, String key) {
        return groups(report).stream().filter(g -> key.equals(g.get("key"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(error -> error.get("field") + ":" + error.get("rule")).toList();
    }
}
