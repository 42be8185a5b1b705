package io.vitrine.tenants.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.settings.Settings;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Posts each raised alert to the tenant's {@code alertWebhookUrl} (tenant settings), after the raising transaction
 * committed, so a slow or dead receiver never holds up what raised it (a payment notify). A failure (5xx, timeout,
 * unreachable) is recorded on the alert and thrown, so the outbox retries it with its backoff (then DEAD after
 * {@code vitrine.outbox.max-attempts}); an alert delivered once is never posted again by a later delivery of the
 * event. The receiver may still see one alert twice (posted, then the commit failed): it deduplicates on the
 * {@code X-Vitrine-Alert-Id} header, the alert's id.
 *
 * <p>No signature header: a per-tenant signing secret the receiver could check would have to be shown to the tenant,
 * which api.md's settings do not carry (a secret in the webhook URL's path, as chat-tool webhooks do, works today).
 */
@Singleton
class AlertWebhook implements OutboxListener {

    private final AlertStore store;
    private final AlertDeliveries deliveries;
    private final Settings settings;
    private final WebhookPoster poster;
    private final JsonMapper json;

    AlertWebhook(AlertStore store, AlertDeliveries deliveries, Settings settings, WebhookPoster poster,
                 JsonMapper json) {
        this.store = store;
        this.deliveries = deliveries;
        this.settings = settings;
        this.poster = poster;
        this.json = json;
    }

    @Override
    public String name() {
        return "tenants.alert-webhook";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(AlertRaised.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        AlertRaised raised = event.payloadAs(AlertRaised.class);
        TenantId tenant = raised.tenant();
        Alert alert = store.find(tenant, raised.alertId()).orElse(null);
        if (alert == null || alert.delivery() != WebhookDelivery.PENDING) {
            return;
        }
        String url = settings.current().alertWebhookUrl();
        if (url == null) {
            deliveries.noWebhook(tenant, alert.id());
            return;
        }
        URI address;
        try {
            address = URI.create(url);
        } catch (IllegalArgumentException e) {
            deliveries.refused(tenant, alert.id(), false, "the webhook URL is not a valid URI");
            return;
        }
        WebhookPoster.WebhookOutcome outcome = poster.post(address, body(tenant, alert),
                Map.of("X-Vitrine-Alert-Id", alert.id(), "X-Vitrine-Alert-Kind", alert.kind()));
        if (outcome instanceof WebhookPoster.Delivered) {
            deliveries.delivered(tenant, alert.id());
        } else if (outcome instanceof WebhookPoster.Refused refused) {
            deliveries.refused(tenant, alert.id(), refused.sent(), refused.reason());
        } else if (outcome instanceof WebhookPoster.Failed failed) {
            deliveries.failed(tenant, alert.id(), failed.reason());
            throw new IllegalStateException("alert webhook of " + alert.id() + " failed: " + failed.reason());
        }
    }

    private String body(TenantId tenant, Alert alert) {
        try {
            return json.writeValueAsString(new WebhookBody(alert.id(), tenant.value(), alert.kind(),
                    alert.severity().name(), alert.subject(), alert.message(), alert.details(), alert.occurredAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the receiver gets, as JSON. */
    @Serdeable
    record WebhookBody(String alertId, String tenantId, String kind, String severity, String subject, String message,
                       @Nullable Map<String, String> details, Instant occurredAt) {
    }
}
