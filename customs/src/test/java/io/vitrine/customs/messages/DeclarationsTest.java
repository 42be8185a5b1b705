package io.vitrine.customs.messages;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the builder decides beyond the golden files: corrections, cancellations, returned quantities. */
class DeclarationsTest {

    private final Declarations declarations = CebFixtures.declarations();
    private final InventoryDeclaration registered = CebFixtures.inventoryMessage().body();

    @Test
    void a_corrected_declaration_after_a_rejection_is_app_type_2_with_a_new_guid() {
        CebMessage<OrderDeclaration> first = CebFixtures.orderMessage();
        CebMessage<OrderDeclaration> corrected = declarations.order(CebFixtures.ORDER,
                Submission.correct(CebFixtures.TRANSFER));

        assertThat(corrected.body().head().app().appType()).isEqualTo(AppType.CHANGE);
        assertThat(corrected.body().head().app().appStatus()).isEqualTo(AppStatus.DECLARE);
        assertThat(corrected.guid()).isNotEqualTo(first.guid());
    }

    @Test
    void the_order_message_folds_insurance_into_freight_so_actural_paid_is_what_the_buyer_paid() {
        OrderHead head = CebFixtures.orderMessage().body().head();

        assertThat(head.freight()).isEqualTo(CebFixtures.ORDER.freight().plus(CebFixtures.ORDER.insurance()));
        assertThat(head.acturalPaid()).isEqualTo(CebFixtures.ORDER.paid());
    }

    @Test
    void a_cancellation_names_the_registered_inventory_list_and_its_order() {
        InvtCancel cancel = CebFixtures.cancelMessage().body();

        assertThat(cancel.invtNo()).isEqualTo(CebFixtures.INVT_NO);
        assertThat(cancel.copNo()).isEqualTo(CebFixtures.COP_NO);
        assertThat(cancel.orderNo()).isEqualTo(registered.head().orderNo());
    }

    @Test
    void a_return_takes_the_hs_code_name_and_unit_of_the_inventory_line() {
        CebMessage<InvtRefund> refund = declarations.returnRequest(registered, CebFixtures.INVT_NO, null,
                List.of(new ReturnedItem(2, BigDecimal.ONE), new ReturnedItem(1, new BigDecimal("2"))), "质量问题",
                Submission.declare(CebFixtures.TRANSFER));

        assertThat(refund.body().lines()).extracting(InvtRefundList::gnum, InvtRefundList::gcode,
                InvtRefundList::unit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "3304990099", "007"),
                org.assertj.core.groups.Tuple.tuple(1, "1901101000", "122"));
    }

    @Test
    void a_return_of_more_than_was_declared_or_of_an_unknown_line_is_refused() {
        Submission declare = Submission.declare(CebFixtures.TRANSFER);

        assertThatThrownBy(() -> declarations.returnRequest(registered, CebFixtures.INVT_NO, null,
                List.of(new ReturnedItem(1, new BigDecimal("3"))), "质量问题", declare))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> declarations.returnRequest(registered, CebFixtures.INVT_NO, null,
                List.of(new ReturnedItem(3, BigDecimal.ONE)), "质量问题", declare))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> declarations.returnRequest(registered, CebFixtures.INVT_NO, null, List.of(),
                "质量问题", declare)).isInstanceOf(IllegalArgumentException.class);
    }
}
