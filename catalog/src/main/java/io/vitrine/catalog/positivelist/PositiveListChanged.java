package io.vitrine.catalog.positivelist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * HS codes came onto the positive list or left it (published, platform-wide, in the transaction that replaced the
 * list). Products' eligibility is derived from their HS code when they are read; this event lets what keeps a copy
 * of products (the stores' POS feeds) hear that the products with these codes changed.
 *
 * @param hsCodes at most {@link #MAX_CODES}; a larger change publishes several events
 */
@Serdeable
public record PositiveListChanged(List<String> hsCodes) implements OutboxEvent {

    public static final String TYPE = "catalog.PositiveListChanged";
    public static final int MAX_CODES = 500;

    public PositiveListChanged {
        hsCodes = List.copyOf(hsCodes);
        if (hsCodes.isEmpty() || hsCodes.size() > MAX_CODES) {
            throw new IllegalArgumentException("1 to " + MAX_CODES + " HS codes per event, not " + hsCodes.size());
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** Platform-wide: the list belongs to no tenant. */
    @Override
    @Nullable
    public TenantId tenant() {
        return null;
    }

    @Override
    public String businessKey() {
        return hsCodes.size() == 1 ? hsCodes.get(0) : hsCodes.get(0) + " +" + (hsCodes.size() - 1);
    }
}
