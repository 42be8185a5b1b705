package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet simulator's pure parts: a till's replay queue and the latency record. */
class FleetSimulatorPartsTest {

    @Test
    void batches_stay_queued_in_order_until_answered_and_a_lost_answer_resends_the_same_batch() {
        ReplayBuffer<String> queue = new ReplayBuffer<>();
        queue.add("b1");
        queue.add("b2");
        queue.add("b3");

        assertThat(queue.next()).isEqualTo("b1");
        queue.answerLost();
        assertThat(queue.next()).as("applied, but the till never heard: sent again").isEqualTo("b1");
        queue.acknowledged();
        assertThat(queue.next()).isEqualTo("b2");
        queue.acknowledged();

        assertThat(queue.pending()).isEqualTo(1);
        assertThat(queue.snapshot()).containsExactly("b3");
        assertThat(queue.resentBatches()).isEqualTo(1);
        queue.acknowledged();
        assertThat(queue.next()).isNull();
    }

    @Test
    void an_answer_for_nothing_sent_is_refused() {
        ReplayBuffer<String> queue = new ReplayBuffer<>();

        assertThatThrownBy(queue::acknowledged).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(queue::answerLost).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void percentiles_are_nearest_rank_over_every_recorded_latency_and_errors_are_apart() {
        FleetLatencies latencies = new FleetLatencies();
        for (int i = 2000; i >= 1; i--) {
            latencies.record(i * 1_000L);
        }
        latencies.error();

        assertThat(latencies.count()).isEqualTo(2000);
        assertThat(latencies.errors()).isEqualTo(1);
        assertThat(latencies.percentile(50)).isEqualTo(1000 * 1_000L);
        assertThat(latencies.percentile(99)).isEqualTo(1980 * 1_000L);
        assertThat(latencies.percentile(100)).isEqualTo(2000 * 1_000L);
        assertThat(new FleetLatencies().percentile(99)).isZero();
    }
}
