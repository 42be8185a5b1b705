package io.vitrine.orders.returns;

import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.FieldError;

import java.util.List;

/**
 * A return the rules refuse (HTTP 422): {@code code} is the first refusal's ({@code NOT_RELEASED},
 * {@code RETURN_WINDOW_CLOSED}, {@code NOT_IN_ORDER}, {@code RETURN_QUANTITY_EXCEEDED}); {@link #fields()} names each
 * refused item ({@code items[1].qty}) with its rule, empty when the whole order is refused.
 */
public class ReturnRefusedException extends BusinessRuleException {

    private final transient List<FieldError> fields;

    public ReturnRefusedException(String code, String message, List<FieldError> fields) {
        super(code, message);
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
