package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final List<String> KNOWN = List.of("clients", "rate", "jar");

    @Test
    void given_options_win_over_defaults_and_lists_are_split() {
        BenchOptions options = BenchOptions.parse(List.of("--clients", "1, 4,16", "--rate", "2.5"), KNOWN);

        assertThat(options.list("clients", "1", Integer::valueOf)).containsExactly(1, 4, 16);
        assertThat(options.decimal("rate", 4)).isEqualTo(2.5);
        assertThat(options.text("jar", "api/target/vitrine.jar")).isEqualTo("api/target/vitrine.jar");
    }

    @Test
    void an_unknown_option_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--client", "8"), KNOWN))
                .hasMessage("unknown option --client (options: --clients, --rate, --jar)");
    }

    @Test
    void an_option_without_a_value_or_a_bare_word_is_refused() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--clients"), KNOWN))
                .hasMessageContaining("--name value pairs");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("clients", "8"), KNOWN))
                .hasMessageContaining("--name value pairs");
    }

    @Test
    void a_number_option_that_is_not_a_number_names_the_option() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "fast"), KNOWN);

        assertThatThrownBy(() -> options.decimal("rate", 4)).hasMessage("--rate takes a number, not fast");
    }
}
