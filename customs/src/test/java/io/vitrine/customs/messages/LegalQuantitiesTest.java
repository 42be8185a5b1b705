package io.vitrine.customs.messages;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** qty1/qty2: the declared quantity converted into the HS code's legal units. */
class LegalQuantitiesTest {

    @Test
    void two_cans_of_0_8_kg_are_1_6_kg_in_the_first_legal_unit() {
        LegalUnits kg = new LegalUnits("035", new BigDecimal("0.8"), null, null);

        assertThat(CebFormats.decimal(kg.qty1(new BigDecimal("2")))).isEqualTo("1.6");
        assertThat(kg.qty2(new BigDecimal("2"))).isNull();
    }

    @Test
    void a_second_legal_unit_converts_on_its_own() {
        LegalUnits kgAndPieces = new LegalUnits("035", new BigDecimal("0.075"), "007", new BigDecimal("1"));

        assertThat(CebFormats.decimal(kgAndPieces.qty1(new BigDecimal("3")))).isEqualTo("0.225");
        assertThat(CebFormats.decimal(kgAndPieces.qty2(new BigDecimal("3")))).isEqualTo("3");
    }

    @Test
    void the_inventory_list_carries_the_converted_quantities_with_their_units() {
        InventoryList formula = CebFixtures.inventoryMessage().body().lines().get(0);
        InventoryList cream = CebFixtures.inventoryMessage().body().lines().get(1);

        assertThat(formula.unit()).isEqualTo("122");
        assertThat(formula.qty1()).isEqualByComparingTo("1.6");
        assertThat(formula.unit1()).isEqualTo("035");
        assertThat(formula.qty2()).isNull();
        assertThat(formula.unit2()).isNull();
        assertThat(cream.qty1()).isEqualByComparingTo("0.075");
        assertThat(cream.qty2()).isEqualByComparingTo("1");
        assertThat(cream.unit2()).isEqualTo("007");
    }

    @Test
    void a_conversion_finer_than_five_decimals_is_written_rounded_half_up() {
        LegalUnits grams = new LegalUnits("035", new BigDecimal("0.000125"), null, null);

        assertThat(CebFormats.decimal(grams.qty1(new BigDecimal("1")))).isEqualTo("0.00013");
    }

    @Test
    void a_second_unit_without_its_factor_is_refused() {
        assertThatThrownBy(() -> new LegalUnits("035", BigDecimal.ONE, "007", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weights_are_the_snapshot_weights_times_quantity() {
        InventoryHead head = CebFixtures.inventoryMessage().body().head();

        // 2 × 1.05 + 0.12 gross, 2 × 0.8 + 0.075 net
        assertThat(head.grossWeight()).isEqualByComparingTo("2.22");
        assertThat(head.netWeight()).isEqualByComparingTo("1.675");
    }
}
