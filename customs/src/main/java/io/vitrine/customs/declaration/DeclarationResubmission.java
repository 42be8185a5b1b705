package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.ConsigneeCorrections;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Optional;

/**
 * Sends a rejected declaration again after staff corrected it (api.md {@code POST /api/v1/declarations/{orderNo}/
 * resubmit}; domain.md: "a rejected (100) message can be corrected and declared again (appType 2)"), in the current
 * tenant. {@link OrderLegCorrection} commits the correction and the new CEB311 first; then it is handed off and the
 * order leg goes REJECTED → DECLARING, orders told (the order DECLARING again). A rejected inventory list goes to
 * the inventory leg's {@link InventoryListCorrection}.
 *
 * <p>The lines are declared from the order's own snapshot, never re-read from the catalog: the CEB311 must match
 * what was paid (acturalPaid = the payment), the tax computed at checkout and the inventory list built from the same
 * snapshot (LegConsistency); a catalog fixed since (an HS code) is for new orders — an order whose lines were wrong
 * is cancelled and refunded, not corrected.
 *
 * <p>Idempotent by state: the second of two clicks finds the declaration DECLARING again (409
 * {@code DECLARATION_NOT_REJECTED}) or, if the first one's handoff failed, the same unsent message, which it sends
 * under the same guid. The api also honours an {@code Idempotency-Key}.
 */
@Singleton
@Requires(beans = OrderLegSending.class)
public class DeclarationResubmission {

    private final OrderLegCorrection correction;
    private final OrderLegSending sending;
    private final Optional<InventoryListCorrection> inventory;
    private final DeclarationStore store;
    private final CurrentTenant tenant;
    private final TransactionOperations<Connection> transactions;

    DeclarationResubmission(OrderLegCorrection correction, OrderLegSending sending,
                            Optional<InventoryListCorrection> inventory, DeclarationStore store,
                            CurrentTenant tenant, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.correction = correction;
        this.sending = sending;
        this.inventory = inventory;
        this.store = store;
        this.tenant = tenant;
    }

    /**
     * @param actor who corrected it, for the order's timeline
     * @return the declaration as it now stands
     * @throws ConflictException 409 with {@code DECLARATION_NOT_REJECTED}, {@code INVENTORY_RESUBMIT_UNAVAILABLE} or
     *                           {@code PAYMENT_RESUBMIT_UNAVAILABLE}; 400 for a bad consignee; 404 for no declaration
     */
    public Declaration resubmit(String orderNo, Correction corrected, String actor) {
        if (corrected.consignee() != null) {
            ConsigneeCorrections.check(corrected.consignee());
        }
        TenantId owner = tenant.require();
        OrderLegCorrection.Prepared prepared = correction.prepare(owner, orderNo, corrected, actor,
                inventory.isPresent());
        if (prepared instanceof OrderLegCorrection.Prepared.OrderLeg leg) {
            send(leg.message());
        } else {
            inventory.orElseThrow().resubmit(owner, orderNo);
        }
        return current(owner, orderNo);
    }

    private void send(DeclarationMessage message) {
        transactions.executeWrite(status -> {
            sending.send(message);
            return null;
        });
    }

    private Declaration current(TenantId owner, String orderNo) {
        return transactions.executeRead(status -> store.find(owner, orderNo).orElseThrow());
    }
}
