package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLoadTest {

    @Test
    void percentiles_are_nearest_rank_over_the_sorted_latencies() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L; // 1 .. 100 ms
        }
        SearchLoad.Result result = new SearchLoad.Result(nanos, 0, Duration.ofSeconds(4), null);

        assertThat(result.percentileMillis(50)).isEqualTo(50.0);
        assertThat(result.percentileMillis(99)).isEqualTo(99.0);
        assertThat(result.percentileMillis(100)).isEqualTo(100.0);
        assertThat(result.perSecond()).isEqualTo(25.0);
    }

    @Test
    void clients_go_round_every_request_and_failures_are_counted_not_timed() {
        Set<Integer> sent = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        SearchLoad.Result result = SearchLoad.run(10, 2, Duration.ZERO, Duration.ofMillis(300), index -> {
            sent.add(index);
            Thread.sleep(1);
            return calls.incrementAndGet() % 5 != 0;
        });

        assertThat(sent).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(result.failures()).isPositive();
        assertThat(result.requests()).isPositive();
        assertThat(result.requests() + result.failures()).isLessThanOrEqualTo(calls.get());
        assertThat(result.firstFailure()).contains("answered badly");
    }

    @Test
    void generated_barcodes_carry_their_gs1_check_digit() {
        assertThat(SearchCatalog.ean13("400897602230")).isEqualTo("4008976022305");
        assertThat(SearchCatalog.ean13("690123450001")).isEqualTo("6901234500011");
    }
}
