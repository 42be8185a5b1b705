package io.vitrine.customs.messages;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.List;

/**
 * XML that cannot be read as a CEB message: not well-formed, too large, a DTD or entity (refused, never resolved),
 * an unknown root, a missing or unreadable field. {@code rule} is stable ({@code XML_DTD_REFUSED},
 * {@code XML_TOO_LARGE}, {@code FIELD_REQUIRED}…); the field is the element's path, the message never the value.
 */
public class MalformedMessageException extends InvalidInputException {

    private final String rule;

    public MalformedMessageException(String field, String rule, String message) {
        super(List.of(new FieldError(field, message, rule)));
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
