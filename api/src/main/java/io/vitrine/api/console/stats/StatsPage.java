package io.vitrine.api.console.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.stats.StatsQueries;
import io.vitrine.api.stats.StatsScopes;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.oversight.stats.StatsExport;
import io.vitrine.oversight.stats.StatsFigures;
import io.vitrine.oversight.stats.StatsGrouping;
import io.vitrine.oversight.stats.StatsLine;
import io.vitrine.tenants.registry.Tenant;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/stats?from=&to=&groupBy=&tenant=}: the statistics dashboard — the range's totals as tiles, GMV per
 * group as a server-drawn SVG bar chart, the groups' table, and the same report as CSV or XLSX
 * ({@code /console/stats/-/export?format=}) — for the platform admin (every tenant), park staff (their members, with a
 * tenant filter) and retailer admins (their own stores), through the same {@link StatsQueries} as
 * {@code GET /api/v1/stats}. A bad filter is the page with the field's error (400) and no figures.
 */
@Controller("/console/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PLATFORM_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER", "RETAILER_ADMIN"})
@Hidden
final class StatsPage {

    private final StatsQueries queries;
    private final StatsScopes scopes;
    private final StatsExport export;

    StatsPage(StatsQueries queries, StatsScopes scopes, StatsExport export) {
        this.queries = queries;
        this.scopes = scopes;
        this.export = export;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> dashboard(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue String groupBy,
                              @Nullable @QueryValue String tenant) {
        String wantedTenant = text(tenant);
        String grouping = text(groupBy).isEmpty() ? StatsGrouping.DAY.parameter() : text(groupBy);
        StatsScopes.Scope scope = scopes.of(caller, null);
        Map<String, String> filterErrors = new LinkedHashMap<>();
        StatsQueries.Answer answer = null;
        try {
            answer = queries.answer(caller, from, to, grouping, wantedTenant);
        } catch (InvalidInputException refused) {
            filterErrors.putAll(FormErrors.of(refused, request));
        }
        Map<String, Object> model = ConsolePage.model(caller,
                "from", answer == null ? text(from) : answer.report().from().toString(),
                "to", answer == null ? text(to) : answer.report().to().toString(),
                "groupBy", grouping,
                "groupings", Arrays.stream(StatsGrouping.values()).map(StatsGrouping::parameter).toList(),
                "tenant", wantedTenant,
                "tenants", tenantChoices(scope),
                "manyTenants", scope.manyTenants(),
                "filterErrors", filterErrors);
        if (answer != null) {
            StatsQueries.Answer done = answer;
            StatsScopes.Scope answered = done.scope();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StatsLine line : answer.report().lines()) {
                rows.add(row(line.key(), line.tenant() == null ? "" : answered.slugOf(line.tenant()), line.figures()));
            }
            model.put("totals", row("", "", answer.report().totals()));
            model.put("rows", rows);
            model.put("chart", StatsChart.of(answer.report().lines(),
                    line -> line.tenant() != null && done.report().grouping() == StatsGrouping.TENANT
                            ? answered.slugOf(line.tenant()) : line.key(),
                    StatsLine::figures, StatsFigures::gmvFen, fen -> Money.ofFen(fen).toPlainString()));
            String query = "from=" + answer.report().from() + "&to=" + answer.report().to() + "&groupBy="
                    + ConsoleLinks.encode(grouping) + (wantedTenant.isEmpty() ? "" : "&tenant="
                    + ConsoleLinks.encode(wantedTenant));
            model.put("csv", "/console/stats/-/export?format=csv&" + query);
            model.put("xlsx", "/console/stats/-/export?format=xlsx&" + query);
        }
        return ConsolePage.render(filterErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "stats", model);
    }

    /** The report as a file; bad parameters answer 400 problem+json like the API's export. */
    @Get("/-/export")
    HttpResponse<byte[]> exportFile(Authentication caller, @Nullable @QueryValue String format,
                                    @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String groupBy, @Nullable @QueryValue String tenant) {
        TabularFormat chosen = TabularFormat.named(format).orElseThrow(() -> InvalidInputException.of("format",
                "EXPORT_FORMAT", "csv or xlsx"));
        StatsQueries.Answer answer = queries.answer(caller, from, to, groupBy, tenant);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(answer.report(), out, chosen, answer.scope()::slugOf);
        return HttpResponse.ok(out.toByteArray()).contentType(MediaType.of(chosen.contentType()))
                .header("Content-Disposition", "attachment; filename=\""
                        + StatsExport.filename(answer.report(), chosen) + "\"");
    }

    private static Map<String, Object> row(String key, String tenant, StatsFigures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("tenant", tenant);
        row.put("orders", f.orders());
        row.put("gmv", Money.ofFen(f.gmvFen()).toPlainString());
        row.put("netGmv", Money.ofFen(f.netGmvFen()).toPlainString());
        row.put("refunded", Money.ofFen(f.refundedFen()).toPlainString());
        row.put("tax", Money.ofFen(f.taxFen()).toPlainString());
        row.put("passRate", percent(f.declarationPassRate()));
        row.put("decided", f.declarationsDecided());
        row.put("released", f.released());
        row.put("p50", duration(f.clearanceP50Seconds()));
        row.put("p90", duration(f.clearanceP90Seconds()));
        row.put("returns", f.returns());
        row.put("returnRate", percent(f.returnRate()));
        row.put("activeKiosks", f.activeKiosks() == null ? "–" : String.valueOf(f.activeKiosks()));
        row.put("kioskUptime", percent(f.kioskUptime()));
        return row;
    }

    private static String percent(@Nullable Double rate) {
        return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** Seconds as "1h 05m" / "3m 20s" / "2d 4h". */
    static String duration(@Nullable Long seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = seconds;
        if (s >= 86_400) {
            return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + String.format(java.util.Locale.ROOT, "%02dm", s % 3600 / 60);
        }
        return s / 60 + "m " + String.format(java.util.Locale.ROOT, "%02ds", s % 60);
    }

    private static List<Map<String, String>> tenantChoices(StatsScopes.Scope scope) {
        List<Map<String, String>> choices = new ArrayList<>();
        if (scope.manyTenants()) {
            for (Tenant t : scope.known().values()) {
                choices.add(Map.of("slug", t.slug(), "name", t.name()));
            }
        }
        return choices;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
