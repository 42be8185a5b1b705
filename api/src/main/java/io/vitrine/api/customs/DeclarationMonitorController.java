package io.vitrine.api.customs;

import io.micronaut.core.annotation.Nullable;
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
import io.vitrine.customs.declaration.DeclarationMonitor;
import io.vitrine.kernel.error.FieldChecks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/declarations/monitor?from=&to=&tenant=}: the declaration monitor (counts by status of the
 * declarations opened in the range, the oldest stuck one with its age, clearance time mean/p50/p90 in seconds of
 * those released in the range) over the caller's {@link DeclarationScopes scope}.
 */
@Controller("/api/v1/declarations/monitor")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Tag(name = "Declarations")
class DeclarationMonitorController {

    private final DeclarationMonitor monitor;
    private final DeclarationScopes scopes;
    private final Clock clock;

    DeclarationMonitorController(DeclarationMonitor monitor, DeclarationScopes scopes, Clock clock) {
        this.monitor = monitor;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "Declaration monitor over China days from..to (both included; default the last 30)",
            description = "tenant: one member's slug (park staff). Bad days: 400 from/to.")
    MonitorView figures(Authentication caller, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String tenant) {
        FieldChecks checks = new FieldChecks();
        MonitorRange range = MonitorRange.parse(from, to, clock, checks);
        checks.throwIfAny();
        DeclarationScopes.Scope scope = scopes.of(caller, tenant);
        DeclarationMonitor.Figures figures = monitor.figures(scope.ids(), range.start(), range.end());
        return MonitorView.of(range, figures, scope);
    }

    @Serdeable
    record MonitorView(String from, String to, long total, Map<String, Long> counts, @Nullable StuckView oldestStuck,
                       ClearanceView clearance) {

        static MonitorView of(MonitorRange range, DeclarationMonitor.Figures figures, DeclarationScopes.Scope scope) {
            Map<String, Long> counts = new LinkedHashMap<>();
            figures.counts().forEach((status, count) -> counts.put(status.name(), count));
            DeclarationMonitor.Stuck stuck = figures.oldestStuck();
            DeclarationMonitor.Clearance c = figures.clearance();
            return new MonitorView(range.from().toString(), range.to().toString(), figures.total(), counts,
                    stuck == null ? null : new StuckView(stuck.declaration().orderNo(),
                            scope.slugOf(stuck.declaration().tenant()), stuck.declaration().status().name(),
                            stuck.declaration().updatedAt(), stuck.age().toSeconds()),
                    new ClearanceView(c.released(), seconds(c.average()), seconds(c.p50()), seconds(c.p90())));
        }

        @Nullable
        private static Long seconds(@Nullable Duration duration) {
            return duration == null ? null : duration.toSeconds();
        }
    }

    @Serdeable
    record StuckView(String orderNo, String tenant, String status, Instant since, long ageSeconds) {
    }

    /** Seconds; null when nothing was released in the range. */
    @Serdeable
    record ClearanceView(long released, @Nullable Long averageSeconds, @Nullable Long p50Seconds,
                         @Nullable Long p90Seconds) {
    }
}
