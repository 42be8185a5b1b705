package io.vitrine.api.console;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.OrderKeys;
import io.vitrine.oversight.stats.StatsDelta;
import io.vitrine.oversight.stats.StatsRollups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /console/stats} over HTTP (the browser walk is {@code StatsConsoleBrowserTest}): a park admin's dashboard
 * grouped by merchant shows its members' totals, one SVG bar and one row per member and never another park's; the
 * console's export answers the CSV; the page in Chinese; a bad grouping is the page with the field's error (400).
 */
@ExtendWith(EmbeddedVitrine.class)
class StatsConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    StatsConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void a_park_admin_reads_its_members_figures_chart_table_and_export() {
        TenantsApi.Park park = api.park();
        Merchant first = api.merchant(park);
        Merchant second = api.merchant(park);
        Merchant elsewhere = api.merchant(api.park());
        add(first, LocalDate.of(2026, 5, 3), StatsDelta.paid(12_345, 1_123));
        add(second, LocalDate.of(2026, 5, 4), StatsDelta.paid(50_000, 4_550));
        add(second, LocalDate.of(2026, 5, 6), StatsDelta.returned(10_000));
        add(elsewhere, LocalDate.of(2026, 5, 4), StatsDelta.paid(99_999, 0));
        ConsoleClient admin = ConsoleClient.signedIn(vitrine, park.admin().username(), park.admin().password());

        HttpResponse<String> page = admin.get("/console/stats?lang=en&from=2026-05-01&to=2026-05-31&groupBy=tenant");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"total-orders\">2<", "data-testid=\"total-gmv\">¥623.45<",
                "data-testid=\"total-net-gmv\">¥523.45<", "data-testid=\"total-refunded\">¥100.00 refunded<",
                "Net sales (GMV less refunds, CNY)", first.slug(), second.slug()).doesNotContain(elsewhere.slug());
        assertThat(count(page.body(), "data-testid=\"bar\"")).isEqualTo(2);
        assertThat(count(page.body(), "data-testid=\"stats-row\"")).isEqualTo(2);
        HttpResponse<byte[]> csv = admin.download("/console/stats/-/export?format=csv&from=2026-05-01&to=2026-05-31"
                + "&groupBy=tenant");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("TOTAL,,2,62345,10000,52345,5673")
                .contains(first.slug()).doesNotContain(elsewhere.slug());

        HttpResponse<String> chinese = admin.get("/console/stats?lang=zh-CN&from=2026-05-01&to=2026-05-31");
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("统计", "申报通过率", "净销售额（扣除退款，元）", "已退款 ¥100.00");
        assertThat(count(chinese.body(), "data-testid=\"stats-row\"")).isEqualTo(31);

        HttpResponse<String> refused = admin.get("/console/stats?lang=en&groupBy=week");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-testid=\"error-filter-groupBy\"");
    }

    private void add(Merchant merchant, LocalDate day, StatsDelta delta) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = vitrine.bean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            vitrine.bean(StatsRollups.class).add(new OrderKeys(TenantId.of(merchant.id()), "S001", "1210", "116"),
                    day, delta);
            return null;
        });
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
