package io.vitrine.kernel.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.vitrine.kernel.tenancy.TenantId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An event as a listener receives it: its envelope, and its payload to decode. */
public final class DeliveredEvent {

    private final String id;
    private final String type;
    private final TenantId tenant;
    private final String businessKey;
    private final Instant occurredAt;
    private final String payload;
    private final int attempt;
    private final JsonMapper json;

    public DeliveredEvent(String id, String type, @Nullable TenantId tenant, String businessKey,
                          Instant occurredAt, String payload, int attempt, JsonMapper json) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.tenant = tenant;
        this.businessKey = Objects.requireNonNull(businessKey);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.payload = Objects.requireNonNull(payload);
        this.attempt = attempt;
        this.json = Objects.requireNonNull(json);
    }

    /** The event id: the idempotency key for effects outside the database. */
    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** Empty for platform-wide events. */
    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    public String businessKey() {
        return businessKey;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** 1 on the first delivery to this listener, more on retries. */
    public int attempt() {
        return attempt;
    }

    /** The payload as JSON, as published. */
    public String payloadJson() {
        return payload;
    }

    /** The payload decoded into the published record type (or any compatible {@code @Serdeable} type). */
    public <T> T payloadAs(Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + id + " (" + this.type + ") does not decode as " + type.getName(), e);
        }
    }

    @Override
    public String toString() {
        return type + " " + id + " (" + businessKey + (tenant == null ? "" : ", tenant " + tenant) + ")";
    }
}
