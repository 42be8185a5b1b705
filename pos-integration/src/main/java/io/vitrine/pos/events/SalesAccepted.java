package io.vitrine.pos.events;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * The SALEs of one POS batch that the events ledger accepted (outbox event {@value #TYPE}): published once per batch
 * with at least one, in the transaction that records them — a replayed or duplicate event is not accepted again and
 * is not in it. One event per batch, not per sale: a batch of 500 sales costs the outbox one row, not 500.
 *
 * @param sales the accepted sales in the batch's order, each of this tenant, store and device
 */
@Serdeable
public record SalesAccepted(TenantId tenant, String storeCode, String deviceKey, List<SaleAccepted> sales)
        implements OutboxEvent {

    public static final String TYPE = "pos.SalesAccepted";

    public SalesAccepted {
        if (sales.isEmpty()) {
            throw new IllegalArgumentException("a batch's accepted sales: at least one");
        }
        sales = List.copyOf(sales);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The device and its first accepted sale: that event id is accepted once, so no other batch has this key. */
    @Override
    public String businessKey() {
        return deviceKey + "/" + sales.get(0).eventId();
    }
}
