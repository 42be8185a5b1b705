package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultTableTest {

    private final ResultTable.Row floor = new ResultTable.Row("bareHmac", "one HMAC", 1_000_000,
            List.of(1000.0, 900.0, 1100.0, 1000.0, 2000.0), 0.05);
    private final ResultTable.Row verify = new ResultTable.Row("verify", "one verification", 200_000,
            List.of(800.0, 800.0, 1000.0, 700.0, 800.0), 0.02);

    @Test
    void throughput_is_the_batch_over_its_time_and_the_median_ignores_an_outlier() {
        assertThat(floor.opsPerSecond()).containsExactly(1_000_000.0, 1_000_000 / 0.9, 1_000_000 / 1.1, 1_000_000.0, 500_000.0);
        assertThat(floor.medianOpsPerSecond()).isEqualTo(1_000_000.0);
        assertThat(verify.medianOpsPerSecond()).isEqualTo(250_000.0);
    }

    @Test
    void the_cost_is_how_many_floor_operations_one_operation_takes() {
        ResultTable table = new ResultTable(floor, List.of(verify));

        assertThat(table.costInFloorOperations(verify)).isCloseTo(4.0, within(1e-9));
        assertThat(table.costInFloorOperations(floor)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void the_markdown_lists_the_floor_first_with_ratios() {
        String markdown = new ResultTable(floor, List.of(verify)).markdown();

        assertThat(markdown.lines().toList()).hasSize(4);
        assertThat(markdown).contains("| bareHmac (floor) | one HMAC | 1,000,000 | 500,000 – 1,111,111 | 5.0 % | 1.00 × | 100.0 % |")
                .contains("| verify | one verification | 250,000 | 200,000 – 285,714 | 2.0 % | 4.00 × | 25.0 % |");
    }
}
