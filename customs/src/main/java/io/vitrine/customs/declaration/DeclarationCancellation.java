package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.StaffOrders;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The shop cancels an order (api.md {@code POST /api/v1/orders/{orderNo}/cancel}) knowing what customs holds of it,
 * in the current tenant:
 * <ul>
 *     <li>an inventory list with customs that still stands (DECLARING, ACCEPTED, REVIEW, INSPECTION, DETAINED): a
 *     CEB623 asks customs to cancel it ({@link InventoryListCancellation}: stored, then handed off under its fixed
 *     guid) and the order is cancelled and refunded only when the CEB624 says so ({@link ReceiptRecording});</li>
 *     <li>released (or closed, returned): 409 {@code ORDER_RELEASED} — the goods left the warehouse, returns (#7)
 *     are the way;</li>
 *     <li>otherwise (never declared, or REJECTED with no inventory list standing) orders' own cancel: CANCELLED,
 *     refunded once ({@code <orderNo>-C}), units and annual quota back — and a rejected declaration given up
 *     (CANCELLED), so it is never resubmitted ({@link RejectedOrderCancellation}).</li>
 * </ul>
 * A store manager's view of orders applies (another store's order: 404).
 */
@Singleton
public class DeclarationCancellation {

    private final StaffOrders orders;
    private final RejectedOrderCancellation rejected;
    private final InventoryListCancellation inventoryList;
    private final Optional<MessageSending> sending;
    private final CurrentTenant tenant;

    DeclarationCancellation(StaffOrders orders, RejectedOrderCancellation rejected,
                            InventoryListCancellation inventoryList, Optional<MessageSending> sending,
                            CurrentTenant tenant) {
        this.orders = orders;
        this.rejected = rejected;
        this.inventoryList = inventoryList;
        this.sending = sending;
        this.tenant = tenant;
    }

    /** What came of it: the order cancelled now, or customs asked (CEB623) and the order unchanged until it answers. */
    public sealed interface Outcome {
        record Cancelled(Order order) implements Outcome {
        }

        record Requested(String cancellationGuid) implements Outcome {
        }
    }

    /**
     * Whether cancelling the order (current tenant) means asking customs first: an inventory list of it stands with
     * customs and an exchange is there to send the CEB623. Pages offer the cancel on such an order although orders'
     * own rule ({@code cancellableByTheShop}) would not.
     */
    public boolean asksCustoms(String orderNo) {
        return sending.isPresent() && rejected.declaration(tenant.require(), orderNo)
                .filter(Declaration::inventoryListStands).isPresent();
    }

    public Outcome cancel(Actor by, String orderNo, @Nullable String reason) {
        orders.details(by, orderNo);
        TenantId owner = tenant.require();
        Optional<Declaration> declaration = rejected.declaration(owner, orderNo);
        if (declaration.isPresent() && declaration.get().inventoryListStands()) {
            MessageSending handoff = sending.orElseThrow(() -> new ConflictException("CANCELLATION_UNAVAILABLE",
                    "No customs exchange is configured to send the cancellation."));
            String why = reason == null || reason.isBlank() ? "cancelled by the shop"
                    : reason.strip().substring(0, Math.min(reason.strip().length(), 200));
            DeclarationMessage cancellation = inventoryList.prepare(owner, orderNo, why, by.id());
            handoff.transmit(cancellation);
            return new Outcome.Requested(cancellation.guid());
        }
        if (declaration.isPresent() && switch (declaration.get().inventoryLeg()) {
            case RELEASED, CLOSED, RETURNED -> true;
            default -> false;
        }) {
            throw new ConflictException("ORDER_RELEASED", "Customs released the goods (" + declaration.get()
                    .inventoryLeg().name() + "): the order can no longer be cancelled, returns are the way.");
        }
        return new Outcome.Cancelled(rejected.cancel(owner, by, orderNo, reason));
    }
}
