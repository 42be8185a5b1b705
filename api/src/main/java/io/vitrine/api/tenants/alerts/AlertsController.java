package io.vitrine.api.tenants.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.tenants.alerts.Alert;
import io.vitrine.tenants.alerts.AlertPage;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/v1/alerts} (api.md): the caller's tenant's alerts, newest first, for its admins (alerts span every
 * store, so store managers do not get them); each is also posted to the tenant's webhook when one is set.
 * {@code POST /api/v1/alerts/{id}/acknowledge} marks one seen; another tenant's alert is 404.
 */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN"})
@Tag(name = "Alerts")
class AlertsController {

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Get
    @Operation(summary = "The tenant's alerts, newest first",
            description = "kind: an alert code such as PAYMENT_AMOUNT_MISMATCH; since: an ISO-8601 instant, alerts "
                    + "raised at or after it. Bad values: 400 with the field.")
    Listing<AlertView> list(@Nullable @QueryValue String kind, @Nullable @QueryValue String since,
                            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        FieldChecks checks = new FieldChecks();
        String wanted = kind == null || kind.isBlank() ? null
                : checks.matching("kind", kind.strip(), NewAlert.KIND, "ALERT_KIND_FORM",
                "an alert code: capital letters, digits and _, e.g. PAYMENT_AMOUNT_MISMATCH");
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                checks.fail("since", "INSTANT", "an ISO-8601 instant, e.g. 2026-11-30T00:00:00Z");
            }
        }
        checks.throwIfAny();
        AlertPage found = alerts.list(wanted, from, page, size);
        return new Listing<>(found.items().stream().map(AlertView::of).toList(), found.total());
    }

    @Post("/{id}/acknowledge")
    @Operation(summary = "Marks an alert seen", description = "Again: the first acknowledgement stays. Unknown: 404.")
    AlertView acknowledge(@PathVariable String id, Authentication caller) {
        return AlertView.of(alerts.acknowledge(StaffClaims.actorOf(caller), id));
    }

    @Serdeable
    record AlertView(String id, String kind, String severity, String subject, String message,
                     Map<String, String> details, Instant occurredAt, Webhook webhook,
                     @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

        static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.kind(), alert.severity().name(), alert.subject(), alert.message(),
                    alert.details(), alert.occurredAt(), new Webhook(alert.delivery().name(), alert.deliveryAttempts(),
                    alert.deliveredAt(), alert.lastDeliveryError()), alert.acknowledgedAt(), alert.acknowledgedBy());
        }
    }

    /** Where the post to the tenant's webhook stands: PENDING, DELIVERED, NO_WEBHOOK, REFUSED. */
    @Serdeable
    record Webhook(String status, int attempts, @Nullable Instant deliveredAt, @Nullable String lastError) {
    }
}
