package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * One SALE a store's POS rang up at its till and the events ledger accepted, as {@link SalesAccepted} carries it to
 * other modules: the bonded display ledger (oversight) takes display samples sold this way off display.
 *
 * @param deviceKey  the POS device; with {@code eventId} the sale's key (the ledger's primary key)
 * @param occurredAt the device's clock at the sale
 * @param lines      the SKU lines as sent, numbered from 0 in the event's order
 */
@Serdeable
public record SaleAccepted(TenantId tenant, String storeCode, String deviceKey, String eventId,
                           @Nullable String receiptNo, Instant occurredAt, List<Line> lines) {

    public SaleAccepted {
        lines = List.copyOf(lines);
    }

    /** One SKU line of the sale: {@code quantity} units, more than zero. */
    @Serdeable
    public record Line(int lineNo, String sku, long quantity) {
    }

    static SaleAccepted of(IngestingDevice device, PosEvent sale) {
        List<Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            lines.add(new Line(i, sale.lines().get(i).sku(), sale.lines().get(i).quantity()));
        }
        return new SaleAccepted(device.tenant(), device.storeCode(), device.deviceKey(), sale.eventId(),
                sale.receiptNo(), sale.occurredAt(), lines);
    }
}
