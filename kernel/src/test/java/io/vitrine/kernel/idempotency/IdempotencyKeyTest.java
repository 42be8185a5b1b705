package io.vitrine.kernel.idempotency;

import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0f8e3c1e-7a6b-4c1d-9e2f-3a4b5c6d7e8f", "order 2024/07 #12 (retry)", "~!@#$%^&*()_+{}|:\"<>?"})
    void printable_ascii_up_to_255_characters_is_a_key(String value) {
        assertThat(IdempotencyKey.parse(value).value()).isEqualTo(value);
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "new\nline", "n\u00e9e", "\u5e42\u7b49", "del\u007f"})
    void anything_else_is_refused_naming_the_header(String value) {
        assertThatThrownBy(() -> IdempotencyKey.parse(value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("Idempotency-Key");
                        assertThat(error.rule()).isEqualTo("IDEMPOTENCY_KEY_FORM");
                        assertThat(error.message()).doesNotContain(value.isEmpty() ? "\u0000" : value);
                    });
                });
    }

    @Test
    void a_key_of_256_characters_or_none_at_all_is_refused() {
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(256))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IdempotencyKey.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
