package io.vitrine.benchmarks;

import io.vitrine.kernel.codes.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperBuyersTest {

    @Test
    void every_buyer_of_a_run_is_a_valid_id_number_of_a_new_person() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String number = Shopper.newBuyer();
            assertThat(ResidentIdNumber.isValid(number)).as(number).isTrue();
            assertThat(seen.add(number)).as("repeated " + number).isTrue();
        }
    }

    @Test
    void percentiles_are_nearest_rank_and_empty_is_not_a_number() {
        long[] nanos = {1_000_000, 2_000_000, 3_000_000, 4_000_000};
        assertThat(CheckoutBenchmark.percentileMillis(nanos, 50)).isEqualTo(2.0);
        assertThat(CheckoutBenchmark.percentileMillis(nanos, 99)).isEqualTo(4.0);
        assertThat(CheckoutBenchmark.percentileMillis(new long[0], 50)).isNaN();
    }
}
