package io.vitrine.api.console.customs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.customs.DeclarationScopes;
import io.vitrine.api.customs.MonitorRange;
import io.vitrine.customs.declaration.Declaration;
import io.vitrine.customs.declaration.DeclarationCancellation;
import io.vitrine.customs.declaration.DeclarationMonitor;
import io.vitrine.customs.declaration.DeclarationOversight;
import io.vitrine.customs.declaration.DeclarationReading;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.registry.Tenant;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/declarations}: the declaration pages of the retailer console (RETAILER_ADMIN: its own tenant's) and
 * of the park console (PARK_ADMIN, CUSTOMS_OFFICER: every member's, with a tenant filter), through customs'
 * {@link DeclarationOversight} and {@link DeclarationMonitor} with the caller's {@link DeclarationScopes scope}:
 * <ul>
 *   <li>{@code /console/declarations/-/monitor?from=&to=&tenant=}: counts by status, the oldest stuck declaration and
 *   its age, clearance time (mean, p50, p90);</li>
 *   <li>{@code /console/declarations?status=&orderNo=&tenant=}: the list (newest first, at most 200) with customs'
 *   reason on rejected ones ({@code ?status=REJECTED} is the rejected list);</li>
 *   <li>{@code /console/declarations/{orderNo}}: the timeline of messages and receipts, each sent message linked to its
 *   audited signed XML (every role of these pages may read it: store managers never reach them), and on a REJECTED
 *   declaration, for the merchant's admins (who alone may resubmit), the correct-and-resubmit form (posted by
 *   {@code declaration-resubmit.js} to {@code POST /api/v1/declarations/{orderNo}/resubmit}); and for them the order's
 *   cancel form (the orders console's own {@code POST /console/orders/{orderNo}/cancel}) on a rejected declaration or
 *   one whose inventory list stands with customs (then a CEB623 asks customs first).</li>
 * </ul>
 */
@Controller("/console/declarations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Hidden
final class DeclarationsPage {

    private static final String PATH = "/console/declarations";

    private final DeclarationOversight declarations;
    private final DeclarationMonitor monitor;
    private final DeclarationScopes scopes;
    private final DeclarationCancellation cancellation;
    private final Clock clock;

    DeclarationsPage(DeclarationOversight declarations, DeclarationMonitor monitor, DeclarationScopes scopes,
                     DeclarationCancellation cancellation, Clock clock) {
        this.declarations = declarations;
        this.monitor = monitor;
        this.scopes = scopes;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    /** Bad filter values are the page with the filter's error (400) and no rows; another park's tenant the 404 page. */
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String orderNo, @Nullable @QueryValue String tenant) {
        String wantedStatus = text(status);
        String wantedOrder = text(orderNo);
        String wantedTenant = text(tenant);
        Map<String, String> filterErrors = new LinkedHashMap<>();
        DeclarationStatus statusFilter = null;
        if (!wantedStatus.isEmpty()) {
            try {
                statusFilter = DeclarationStatus.valueOf(wantedStatus);
            } catch (IllegalArgumentException unknown) {
                filterErrors.putAll(FormErrors.one("status", "declarations.error.status", request));
            }
        }
        if (wantedOrder.length() > 32) {
            filterErrors.putAll(FormErrors.one("orderNo", "declarations.error.orderNo", request));
        }
        DeclarationScopes.Scope scope = scopes.of(caller, wantedTenant);
        List<DeclarationRow> rows = List.of();
        if (filterErrors.isEmpty()) {
            rows = declarations.list(scope.ids(), statusFilter, wantedOrder.isEmpty() ? null : wantedOrder).stream()
                    .map(d -> DeclarationRow.of(d, scope)).toList();
        }
        StringBuilder target = new StringBuilder(PATH);
        append(target, "status", wantedStatus);
        append(target, "orderNo", wantedOrder);
        append(target, "tenant", wantedTenant);
        return ConsolePage.render(filterErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "declarations",
                ConsolePage.model(caller,
                        "declarations", rows,
                        "statuses", Arrays.stream(DeclarationStatus.values()).map(Enum::name).toList(),
                        "status", wantedStatus,
                        "orderNo", wantedOrder,
                        "tenant", wantedTenant,
                        "tenants", tenantChoices(scope),
                        "parkSide", scope.parkSide(),
                        "filtered", target.length() > PATH.length(),
                        "filterErrors", filterErrors,
                        "limit", DeclarationOversight.LIMIT));
    }

    @Get("/-/monitor")
    HttpResponse<?> monitor(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String from,
                            @Nullable @QueryValue String to, @Nullable @QueryValue String tenant) {
        String wantedTenant = text(tenant);
        DeclarationScopes.Scope scope = scopes.of(caller, wantedTenant);
        FieldChecks checks = new FieldChecks();
        MonitorRange range = MonitorRange.parse(from, to, clock, checks);
        Map<String, String> filterErrors = new LinkedHashMap<>();
        MonitorModel figures = null;
        if (range == null) {
            try {
                checks.throwIfAny();
            } catch (InvalidInputException refused) {
                filterErrors.putAll(FormErrors.of(refused, request));
            }
        } else {
            figures = MonitorModel.of(monitor.figures(scope.ids(), range.start(), range.end()), scope);
        }
        return ConsolePage.render(filterErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                "declaration-monitor", ConsolePage.model(caller,
                        "figures", figures,
                        "from", range == null ? text(from) : range.from().toString(),
                        "to", range == null ? text(to) : range.to().toString(),
                        "tenant", wantedTenant,
                        "tenants", tenantChoices(scope),
                        "parkSide", scope.parkSide(),
                        "filterErrors", filterErrors));
    }

    @Get("/{orderNo}")
    HttpResponse<?> declaration(Authentication caller, @PathVariable String orderNo) {
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        DeclarationReading.Details details = declarations.details(scope.ids(), orderNo);
        Declaration d = details.declaration();
        boolean merchant = scope.actor().is(StaffRole.RETAILER_ADMIN);
        boolean rejected = d.status() == DeclarationStatus.REJECTED;
        return ConsolePage.render("declaration", ConsolePage.model(caller,
                "declaration", DeclarationRow.of(d, scope),
                "timeline", TimelineEntry.of(details),
                "parkSide", scope.parkSide(),
                "xmlBase", "/api/v1/declarations/" + ConsoleLinks.encode(orderNo) + "/messages/",
                "resubmitAction", "/api/v1/declarations/" + ConsoleLinks.encode(orderNo) + "/resubmit",
                "canResubmit", rejected && merchant,
                "canCancel", merchant && (rejected || cancellation.asksCustoms(orderNo)),
                "cancelAction", "/console/orders/" + ConsoleLinks.encode(orderNo) + "/cancel"));
    }

    private static List<Map<String, String>> tenantChoices(DeclarationScopes.Scope scope) {
        List<Map<String, String>> choices = new ArrayList<>();
        if (scope.parkSide()) {
            for (Tenant t : scope.all()) {
                choices.add(Map.of("slug", t.slug(), "name", t.name()));
            }
        }
        return choices;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static void append(StringBuilder target, String name, String value) {
        if (!value.isEmpty()) {
            target.append(target.indexOf("?") < 0 ? "?" : "&").append(name).append('=').append(ConsoleLinks.encode(value));
        }
    }

    /** The monitor's figures as the page shows them: durations as text (d h m), counts by status in enum order. */
    public record MonitorModel(long total, List<Map<String, Object>> counts, @Nullable Map<String, String> stuck,
                               long released, String average, String p50, String p90) {

        static MonitorModel of(DeclarationMonitor.Figures f, DeclarationScopes.Scope scope) {
            List<Map<String, Object>> counts = new ArrayList<>();
            f.counts().forEach((status, count) -> counts.add(Map.of("status", status.name(), "count", count)));
            Map<String, String> stuck = null;
            if (f.oldestStuck() != null) {
                Declaration d = f.oldestStuck().declaration();
                stuck = Map.of("orderNo", d.orderNo(), "tenant", scope.slugOf(d.tenant()), "status", d.status().name(),
                        "since", ChinaTimeText.of(d.updatedAt()), "age", span(f.oldestStuck().age()));
            }
            DeclarationMonitor.Clearance c = f.clearance();
            return new MonitorModel(f.total(), counts, stuck, c.released(), span(c.average()), span(c.p50()),
                    span(c.p90()));
        }

        /** {@code 2d 3h 4m}, {@code 5m 6s} under an hour; "—" for none. */
        static String span(@Nullable Duration duration) {
            if (duration == null) {
                return "—";
            }
            long seconds = duration.toSeconds();
            long days = seconds / 86_400;
            long hours = seconds % 86_400 / 3_600;
            long minutes = seconds % 3_600 / 60;
            if (days > 0) {
                return days + "d " + hours + "h " + minutes + "m";
            }
            if (hours > 0) {
                return hours + "h " + minutes + "m";
            }
            return minutes + "m " + seconds % 60 + "s";
        }
    }
}
