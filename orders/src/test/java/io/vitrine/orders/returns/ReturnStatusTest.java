package io.vitrine.orders.returns;

import io.vitrine.kernel.error.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.vitrine.orders.returns.ReturnStatus.ACCEPTED;
import static io.vitrine.orders.returns.ReturnStatus.APPROVED;
import static io.vitrine.orders.returns.ReturnStatus.DECLARED;
import static io.vitrine.orders.returns.ReturnStatus.EXPIRED;
import static io.vitrine.orders.returns.ReturnStatus.GOODS_RECEIVED;
import static io.vitrine.orders.returns.ReturnStatus.REFUNDED;
import static io.vitrine.orders.returns.ReturnStatus.REFUND_FAILED;
import static io.vitrine.orders.returns.ReturnStatus.REJECTED;
import static io.vitrine.orders.returns.ReturnStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnStatusTest {

    @Test
    void the_table_allows_exactly_the_return_lifecycle() {
        assertThat(next(REQUESTED)).containsExactlyInAnyOrder(APPROVED, REJECTED, EXPIRED);
        assertThat(next(APPROVED)).containsExactlyInAnyOrder(DECLARED, REJECTED, EXPIRED);
        assertThat(next(DECLARED)).containsExactlyInAnyOrder(ACCEPTED, REJECTED, EXPIRED);
        assertThat(next(ACCEPTED)).containsExactlyInAnyOrder(GOODS_RECEIVED, EXPIRED);
        assertThat(next(GOODS_RECEIVED)).containsExactlyInAnyOrder(REFUNDED, REFUND_FAILED);
        assertThat(next(REFUND_FAILED)).as("a merchant admin's retry").containsExactly(GOODS_RECEIVED);
        assertThat(next(REFUNDED)).isEmpty();
        assertThat(next(REJECTED)).isEmpty();
        assertThat(next(EXPIRED)).isEmpty();
    }

    @Test
    void a_transition_the_table_does_not_allow_is_a_conflict_naming_both_statuses() {
        assertThatThrownBy(() -> APPROVED.requireCanBecome(APPROVED)).isInstanceOf(ConflictException.class)
                .hasMessage("A return APPROVED cannot become APPROVED.");
        assertThatThrownBy(() -> REJECTED.requireCanBecome(APPROVED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void only_rejected_and_expired_returns_give_their_units_back() {
        assertThat(EnumSet.allOf(ReturnStatus.class).stream().filter(s -> !s.claimsUnits()))
                .containsExactlyInAnyOrder(REJECTED, EXPIRED);
    }

    @Test
    void goods_are_back_once_received_whatever_became_of_the_refund() {
        assertThat(EnumSet.allOf(ReturnStatus.class).stream().filter(ReturnStatus::goodsBack))
                .containsExactlyInAnyOrder(GOODS_RECEIVED, REFUND_FAILED, REFUNDED);
    }

    private static Set<ReturnStatus> next(ReturnStatus from) {
        Set<ReturnStatus> next = EnumSet.noneOf(ReturnStatus.class);
        for (ReturnStatus to : ReturnStatus.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
