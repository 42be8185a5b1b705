package io.vitrine.api.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.oversight.stats.StatsExport;
import io.vitrine.oversight.stats.StatsFigures;
import io.vitrine.oversight.stats.StatsReport;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * {@code GET /api/v1/stats?from=&to=&groupBy=day|tenant|store|tradeMode|originCountry&tenant=} (api.md "Park and
 * retailer statistics"; {@code originCountry} and {@code tenant} are additions, oversight/README.md): orders, GMV,
 * tax, declaration pass rate, clearance time p50/p90, returns, active kiosks and kiosk uptime per group over China days, from the oversight
 * module's aggregates; {@code GET /api/v1/stats:export?format=csv|xlsx&…} the same as a file. Over the caller's
 * {@link StatsScopes scope}: a retailer its own tenant, a park its members, the platform admin everyone.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PLATFORM_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER", "RETAILER_ADMIN"})
@Tag(name = "Statistics")
class StatsController {

    private final StatsQueries queries;
    private final StatsExport export;

    StatsController(StatsQueries queries, StatsExport export) {
        this.queries = queries;
        this.export = export;
    }

    @Get("/api/v1/stats")
    @Operation(summary = "Orders, GMV, tax, declaration pass rate, clearance p50/p90 and returns, grouped",
            description = "from, to: China days YYYY-MM-DD, both included (default the last 30 days; at most 366). "
                    + "groupBy: day (default; every day listed), tenant, store, tradeMode or originCountry. tenant: "
                    + "one tenant's slug within the caller's scope. Rates are 0-1; clearance in seconds; money in fen; "
                    + "activeKiosks: kiosks seen online per day (by day: that day's), kioskUptime: online share of the "
                    + "fleet samples (day, tenant and store groupings only).")
    StatsView stats(Authentication caller, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                    @Nullable @QueryValue String groupBy, @Nullable @QueryValue String tenant) {
        StatsQueries.Answer answer = queries.answer(caller, from, to, groupBy, tenant);
        return StatsView.of(answer);
    }

    @Get("/api/v1/stats:export")
    @Operation(summary = "The same report as CSV (UTF-8 with BOM) or XLSX: a row per group, then TOTAL")
    HttpResponse<byte[]> exportStats(Authentication caller, @Nullable @QueryValue String format,
                                     @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                     @Nullable @QueryValue String groupBy, @Nullable @QueryValue String tenant) {
        TabularFormat chosen = TabularFormat.named(format).orElseThrow(() -> InvalidInputException.of("format",
                "EXPORT_FORMAT", "csv or xlsx"));
        StatsQueries.Answer answer = queries.answer(caller, from, to, groupBy, tenant);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(answer.report(), out, chosen, answer.scope()::slugOf);
        return HttpResponse.ok(out.toByteArray())
                .contentType(MediaType.of(chosen.contentType()))
                .header("Content-Disposition", "attachment; filename=\""
                        + StatsExport.filename(answer.report(), chosen) + "\"");
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatsView(String from, String to, String groupBy, GroupView totals, List<GroupView> groups) {

        static StatsView of(StatsQueries.Answer answer) {
            StatsReport report = answer.report();
            return new StatsView(report.from().toString(), report.to().toString(), report.grouping().parameter(),
                    GroupView.of(null, null, report.totals()),
                    report.lines().stream().map(line -> GroupView.of(line.key(), line.tenant() == null ? null
                            : answer.scope().slugOf(line.tenant()), line.figures())).toList());
        }
    }

    /** One group's figures (the totals: no key). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupView(@Nullable String key, @Nullable String tenant, long orders, long gmvFen, long refundedFen,
                     long netGmvFen, long taxFen, long declarationsDecided, long declarationsPassed,
                     @Nullable Double declarationPassRate,
                     long released, @Nullable Long clearanceP50Seconds, @Nullable Long clearanceP90Seconds,
                     long returns, long returnedFen, @Nullable Double returnRate, @Nullable Double activeKiosks,
                     @Nullable Double kioskUptime) {

        static GroupView of(@Nullable String key, @Nullable String tenant, StatsFigures f) {
            return new GroupView(key, tenant, f.orders(), f.gmvFen(), f.refundedFen(), f.netGmvFen(), f.taxFen(),
                    f.declarationsDecided(), f.declarationsPassed(), f.declarationPassRate(), f.released(), f.clearanceP50Seconds(),
                    f.clearanceP90Seconds(), f.returns(), f.returnedFen(), f.returnRate(), f.activeKiosks(),
                    f.kioskUptime());
        }
    }
}
