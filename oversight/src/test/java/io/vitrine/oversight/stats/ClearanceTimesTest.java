package io.vitrine.oversight.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClearanceTimesTest {

    @Test
    void histograms_serialized_apart_merge_into_the_percentiles_of_all_their_values() {
        ClearanceTimes morning = ClearanceTimes.empty();
        ClearanceTimes evening = ClearanceTimes.empty();
        for (int minute = 1; minute <= 100; minute++) {
            (minute % 2 == 0 ? morning : evening).record(minute * 60L);
        }
        ClearanceTimes merged = ClearanceTimes.decode(morning.encoded());
        merged.add(evening.encoded());
        merged.add((byte[]) null);

        assertThat(merged.count()).isEqualTo(100);
        assertThat(merged.percentile(50)).isBetween(3_000L, 3_030L);
        assertThat(merged.percentile(90)).isBetween(5_400L, 5_460L);
    }

    @Test
    void an_empty_histogram_has_no_percentile_and_out_of_range_values_are_clamped() {
        assertThat(ClearanceTimes.empty().percentile(50)).isNull();
        ClearanceTimes times = ClearanceTimes.empty();
        times.record(-5);
        times.record(10L * 365 * 24 * 3600);
        assertThat(times.count()).isEqualTo(2);
        assertThat(times.percentile(0)).isEqualTo(1L);
        assertThat(times.percentile(100)).isGreaterThanOrEqualTo(ClearanceTimes.MAX_DAYS * 24 * 3600);
    }

    @Test
    void percentiles_read_off_the_bytes_are_those_of_the_decoded_histogram() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            ClearanceTimes times = ClearanceTimes.empty();
            int values = 1 + random.nextInt(round < 20 ? 3 : 2_000);
            for (int i = 0; i < values; i++) {
                long seconds = Math.round(Math.exp(Math.log(7_200) + 1.5 * (random.nextDouble() * 2 - 1) * 3));
                times.record(seconds);
            }
            byte[] encoded = times.encoded();
            ClearanceTimes decoded = ClearanceTimes.decode(encoded);
            double[] percentiles = {50, 90, 99.9, 100, 1, 33.3};
            Long[] read = ClearanceTimes.percentilesOf(encoded, percentiles);
            for (int i = 0; i < percentiles.length; i++) {
                assertThat(read[i]).as("round %d, p%s", round, percentiles[i])
                        .isEqualTo(decoded.percentile(percentiles[i]));
            }
        }
        assertThat(ClearanceTimes.percentilesOf(null, 50)).containsExactly((Long) null);
        assertThat(ClearanceTimes.percentilesOf(ClearanceTimes.empty().encoded(), 50)).containsExactly((Long) null);
    }

    @Test
    void a_sparse_histogram_encodes_small() {
        ClearanceTimes times = ClearanceTimes.empty();
        times.record(3_600);
        times.record(7_200);
        assertThat(times.encoded().length).isLessThan(200);
    }
}
