package io.vitrine.catalog.products;

import io.vitrine.catalog.positivelist.PositiveListChanged;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Turns a positive-list change into a {@link ProductChanged} for every product, of every tenant, whose HS code came
 * onto the list or left it: a product's eligibility is derived when it is read, so what keeps copies of products
 * (the stores' POS feeds, the search index) learns of it as of any other change of the product. One transaction
 * per event (at most {@link PositiveListChanged#MAX_CODES} codes); retried until delivered, since a lost fan-out
 * would leave stores selling goods no longer on the list.
 */
@Singleton
class EligibilityFanOut implements OutboxListener {

    private final ProductsByHsCode products;
    private final Outbox outbox;

    EligibilityFanOut(ProductsByHsCode products, Outbox outbox) {
        this.products = products;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "catalog.eligibility-fan-out";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PositiveListChanged.TYPE);
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void on(DeliveredEvent event) {
        outbox.publishAll(products.find(event.payloadAs(PositiveListChanged.class).hsCodes()).stream()
                .map(product -> new ProductChanged(product.tenant(), product.sku()))
                .toList());
    }
}
