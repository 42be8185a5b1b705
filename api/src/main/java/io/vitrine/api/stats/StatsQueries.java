package io.vitrine.api.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.customs.MonitorRange;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.oversight.stats.StatsGrouping;
import io.vitrine.oversight.stats.StatsReport;
import io.vitrine.oversight.stats.StatsReports;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The statistics request's parameters checked (400 naming the field and the rule, before anything is read:
 * {@code from}/{@code to} as the declaration monitor's range — DAY_FORM, RANGE_ORDER, RANGE_TOO_LONG —, {@code groupBy}
 * GROUP_BY) and the report made over the caller's scope; shared by the JSON, the export and the dashboard page.
 */
@Singleton
public class StatsQueries {

    private final StatsReports reports;
    private final StatsScopes scopes;
    private final Clock clock;

    StatsQueries(StatsReports reports, StatsScopes scopes, Clock clock) {
        this.reports = reports;
        this.scopes = scopes;
        this.clock = clock;
    }

    public Answer answer(Authentication caller, @Nullable String from, @Nullable String to, @Nullable String groupBy,
                         @Nullable String tenant) {
        FieldChecks checks = new FieldChecks();
        MonitorRange range = MonitorRange.parse(from, to, clock, checks);
        StatsGrouping grouping = groupBy == null || groupBy.isBlank() ? StatsGrouping.DAY
                : StatsGrouping.named(groupBy.strip()).orElse(null);
        if (grouping == null) {
            checks.fail("groupBy", "GROUP_BY", "one of day, tenant, store, tradeMode, originCountry");
        }
        checks.throwIfAny();
        StatsScopes.Scope scope = scopes.of(caller, tenant);
        return new Answer(reports.report(scope.scope(), range.from(), range.to(), grouping), scope);
    }

    public record Answer(StatsReport report, StatsScopes.Scope scope) {
    }
}
