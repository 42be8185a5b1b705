package io.vitrine.kernel.codes;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.List;

/**
 * A code broke one of its rules. {@code rule} is stable (e.g. {@code RESIDENT_ID_CHECK_CHARACTER})
 * and the message never repeats the value, which may be personal data. The field defaults to the
 * code's kind; {@link #atField(String)} names the request field it came from.
 */
public class InvalidCodeException extends InvalidInputException {

    private final String rule;

    InvalidCodeException(String field, String rule, String message) {
        super(List.of(new FieldError(field, message, rule)));
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** The same refusal, reported against {@code field} (e.g. {@code buyer.idNumber}). */
    public InvalidCodeException atField(String field) {
        return new InvalidCodeException(field, rule, errors().get(0).message());
    }
}
