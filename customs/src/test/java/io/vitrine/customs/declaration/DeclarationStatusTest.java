package io.vitrine.customs.declaration;

import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static io.vitrine.customs.declaration.DeclarationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class DeclarationStatusTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1,DECLARING", "2,DECLARING", "3,DECLARING", "4,DECLARING", "100,REJECTED", "120,ACCEPTED",
            "300,REVIEW", "399,REVIEW", "500,INSPECTION", "501,DETAINED", "502,DETAINED", "503,DETAINED",
            "599,DETAINED", "700,RETURNED", "800,RELEASED", "899,CLOSED", "-1,REJECTED", "-301010,REJECTED"})
    void each_receipt_code_of_the_standard_stands_for_one_status(int code, DeclarationStatus status) {
        assertThat(DeclarationStatus.ofReturnStatus(code)).contains(status);
    }

    @Test
    void a_code_the_standard_does_not_list_stands_for_nothing() {
        assertThat(DeclarationStatus.ofReturnStatus(5)).isEmpty();
        assertThat(DeclarationStatus.ofReturnStatus(0)).isEmpty();
    }

    @Test
    void the_order_leg_stops_at_acceptance() {
        Declaration accepted = sent().after(Leg.ORDER, ACCEPTED, null, AT).orElseThrow();
        assertThat(accepted.after(Leg.ORDER, RELEASED, null, AT)).isEmpty();
        assertThat(accepted.after(Leg.ORDER, REVIEW, null, AT)).isEmpty();
    }

    @Test
    void the_payment_leg_stops_at_acceptance_and_moves_no_other_leg() {
        Declaration paid = sent().after(Leg.PAYMENT, DECLARING, null, AT)
                .flatMap(d -> d.after(Leg.PAYMENT, ACCEPTED, null, AT)).orElseThrow();
        assertThat(paid.paymentLeg()).isEqualTo(ACCEPTED);
        assertThat(paid.orderLeg()).isEqualTo(DECLARING);
        assertThat(paid.inventoryLeg()).isEqualTo(PENDING);
        assertThat(paid.status()).as("the whole waits for the order leg too").isEqualTo(DECLARING);
        assertThat(paid.after(Leg.PAYMENT, RELEASED, null, AT)).isEmpty();
    }

    @Test
    void the_inventory_list_waits_for_the_order_and_the_payment_to_be_accepted() {
        Declaration orderAccepted = sent().after(Leg.ORDER, ACCEPTED, null, AT).orElseThrow();
        assertThat(orderAccepted.readyForInventoryList()).isFalse();
        Declaration paymentDeclared = orderAccepted.after(Leg.PAYMENT, DECLARING, null, AT).orElseThrow();
        assertThat(paymentDeclared.readyForInventoryList()).isFalse();
        Declaration both = paymentDeclared.after(Leg.PAYMENT, ACCEPTED, null, AT).orElseThrow();
        assertThat(both.readyForInventoryList()).isTrue();
        assertThat(orderAccepted.status()).isEqualTo(DECLARING);
        assertThat(both.status()).isEqualTo(ACCEPTED);
        assertThat(both.after(Leg.INVENTORY, DECLARING, null, AT).orElseThrow().readyForInventoryList()).isFalse();
    }

    @Test
    void a_120_after_the_800_changes_nothing_and_the_800_closes_only_with_899() {
        Declaration released = sent().after(Leg.INVENTORY, DECLARING, null, AT)
                .flatMap(d -> d.after(Leg.INVENTORY, RELEASED, null, AT)).orElseThrow();
        assertThat(released.status()).isEqualTo(RELEASED);
        assertThat(released.after(Leg.INVENTORY, ACCEPTED, null, AT)).isEmpty();
        assertThat(released.after(Leg.INVENTORY, DECLARING, null, AT)).isEmpty();
        assertThat(released.after(Leg.INVENTORY, CLOSED, null, AT).orElseThrow().status()).isEqualTo(CLOSED);
    }

    @Test
    void a_rejection_keeps_customs_reason_and_a_corrected_declaration_clears_it() {
        Declaration rejected = sent().after(Leg.ORDER, REJECTED, "订购人信息不符", AT).orElseThrow();
        assertThat(rejected.status()).isEqualTo(REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("订购人信息不符");
        assertThat(rejected.after(Leg.ORDER, ACCEPTED, null, AT)).isEmpty();
        Declaration again = rejected.after(Leg.ORDER, DECLARING, null, AT).orElseThrow();
        assertThat(again.rejectionReason()).isNull();
    }

    @Test
    void nothing_follows_closed() {
        for (DeclarationStatus next : DeclarationStatus.values()) {
            assertThat(CLOSED.canBecome(next)).isFalse();
        }
    }

    private static Declaration sent() {
        return Declaration.open("d1", TenantId.of("t1"), "V2611300799273983", "1210", AT)
                .after(Leg.ORDER, DECLARING, null, AT).orElseThrow();
    }
}
