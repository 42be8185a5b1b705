package io.vitrine.customs.declaration;

import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.ConsigneeCorrections;
import jakarta.inject.Singleton;

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
public class DeclarationResubmission {

    private final OrderLegCorrection correction;
    private final Optional<OrderLegSending> sending;
    private final Optional<InventoryListCorrection> inventory;
    private final CurrentTenant tenant;

    DeclarationResubmission(OrderLegCorrection correction, Optional<OrderLegSending> sending,
                            Optional<InventoryListCorrection> inventory, CurrentTenant tenant) {
        this.correction = correction;
        this.sending = sending;
        this.inventory = inventory;
        this.tenant = tenant;
    }

    /**
     * @param actor who corrected it, for the order's timeline
     * @return the declaration as it now stands
     * @throws ConflictException 409 with {@code DECLARATION_NOT_REJECTED}, {@code INVENTORY_RESUBMIT_UNAVAILABLE},
     *                           {@code PAYMENT_RESUBMIT_UNAVAILABLE} or {@code RESUBMIT_UNAVAILABLE} (no customs
     *                           exchange configured); 400 for a bad consignee; 404 for no declaration
     */
    public Declaration resubmit(String orderNo, Correction corrected, String actor) {
        if (corrected.consignee() != null) {
            ConsigneeCorrections.check(corrected.consignee());
        }
        TenantId owner = tenant.require();
        OrderLegCorrection.Prepared prepared = correction.prepare(owner, orderNo, corrected, actor,
                inventory.isPresent(), sending.isPresent());
        if (prepared instanceof OrderLegCorrection.Prepared.OrderLeg leg) {
            sending.orElseThrow().send(leg.message());
        } else {
            inventory.orElseThrow().resubmit(owner, orderNo);
        }
        return correction.current(owner, orderNo);
    }


}
