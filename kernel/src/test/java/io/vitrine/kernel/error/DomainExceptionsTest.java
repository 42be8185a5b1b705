package io.vitrine.kernel.error;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainExceptionsTest {

    @Test
    void invalid_input_lists_every_field() {
        InvalidInputException e = new InvalidInputException(List.of(
                new FieldError("buyer.idNumber", "the ID number's check character does not match"),
                new FieldError("lines[0].quantity", "must be at least 1")));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("buyer.idNumber", "lines[0].quantity");
        assertThat(e).hasMessage("buyer.idNumber: the ID number's check character does not match;"
                + " lines[0].quantity: must be at least 1");
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_business_rule_code_is_upper_snake_case() {
        assertThat(new BusinessRuleException("ANNUAL_LIMIT_EXCEEDED", "over 26,000 CNY this year").code())
                .isEqualTo("ANNUAL_LIMIT_EXCEEDED");
        assertThatThrownBy(() -> new BusinessRuleException("annualLimit", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessRuleException("ANNUAL__LIMIT", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void not_found_names_the_kind_and_id() {
        assertThat(NotFoundException.of("order", "VT0001")).hasMessage("order VT0001 not found")
                .isInstanceOf(DomainException.class);
        assertThat(new ConflictException("the order is already paid")).isInstanceOf(DomainException.class);
    }
}
