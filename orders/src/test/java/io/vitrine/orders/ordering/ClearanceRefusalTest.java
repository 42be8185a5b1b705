package io.vitrine.orders.ordering;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ClearanceRefusalTest {

    @Test
    void every_refusal_reads_in_english_and_in_chinese() {
        for (ClearanceRefusal refusal : ClearanceRefusal.values()) {
            assertThat(refusal.message(Locale.ENGLISH)).isNotBlank();
            assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).isNotBlank()
                    .isNotEqualTo(refusal.message(Locale.ENGLISH));
        }
        assertThat(ClearanceRefusal.PAYER_NOT_BUYER.message()).contains("does not belong to the buyer");
        assertThat(ClearanceRefusal.PAYER_NOT_BUYER.message(Locale.SIMPLIFIED_CHINESE)).contains("订购人身份不一致");
    }

    @Test
    void a_timeline_reason_is_localized_only_when_it_is_a_clearance_refusal() {
        String kept = ClearanceRefusal.PAYER_NOT_BUYER.message();

        assertThat(ClearanceRefusal.localized(kept, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(ClearanceRefusal.PAYER_NOT_BUYER.message(Locale.SIMPLIFIED_CHINESE));
        assertThat(ClearanceRefusal.localized(kept, Locale.ENGLISH)).isEqualTo(kept);
        assertThat(ClearanceRefusal.localized("released by customs", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("released by customs");
    }
}
