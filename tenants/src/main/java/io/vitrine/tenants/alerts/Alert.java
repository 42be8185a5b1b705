package io.vitrine.tenants.alerts;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/** A raised alert of the current tenant, with where its webhook post stands and who acknowledged it. */
public record Alert(String id, String kind, AlertSeverity severity, String subject, String message,
                    Map<String, String> details, Instant occurredAt, WebhookDelivery delivery, int deliveryAttempts,
                    @Nullable Instant deliveredAt, @Nullable String lastDeliveryError,
                    @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
}
