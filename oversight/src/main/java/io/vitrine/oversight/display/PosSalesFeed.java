package io.vitrine.oversight.display;

import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.pos.events.SaleAccepted;
import io.vitrine.pos.events.SalesAccepted;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * The outbox listener ({@value #NAME}) that hands each {@link SaleAccepted} of pos-integration's
 * {@link SalesAccepted} to {@link PosSales}, in
 * the event's tenant and the delivery's transaction (the dispatcher records the delivery as processed in it).
 */
@Singleton
class PosSalesFeed implements OutboxListener {

    static final String NAME = "oversight.display-pos-sales";

    private final PosSales sales;

    PosSalesFeed(PosSales sales) {
        this.sales = sales;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(SalesAccepted.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        for (SaleAccepted sale : event.payloadAs(SalesAccepted.class).sales()) {
            sales.record(sale);
        }
    }
}
