package io.vitrine.kernel.error;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a request's fields one after another and reports every failure at once, each against the
 * field the client sent, with the rule's stable code:
 * <pre>{@code
 * FieldChecks checks = new FieldChecks();
 * UnifiedSocialCreditCode uscc = checks.parse("uscc", form.uscc(), UnifiedSocialCreditCode::parse);
 * String name = checks.text("legalName", form.legalName(), 200);
 * checks.throwIfAny();   // InvalidInputException (400) naming every bad field
 * }</pre>
 * A failed check returns {@code null}; nothing may use the values before {@link #throwIfAny()}.
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Parses with a value type's own rules ({@code UnifiedSocialCreditCode::parse}); its rule code is kept. */
    @Nullable
    public <T> T parse(String field, @Nullable String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            return missing(field);
        }
        try {
            return parser.apply(raw);
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(field, error.message(), error.rule())));
            return null;
        }
    }

    /** A required text, trimmed, at most {@code maxLength} characters. */
    @Nullable
    public String text(String field, @Nullable String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return missing(field);
        }
        String trimmed = raw.strip();
        if (trimmed.length() > maxLength) {
            return fail(field, "TOO_LONG", "at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** An optional text: {@code null} when absent or blank. */
    @Nullable
    public String optionalText(String field, @Nullable String raw, int maxLength) {
        return raw == null || raw.isBlank() ? null : text(field, raw, maxLength);
    }

    /** A required text that must match {@code form}; {@code description} says what is expected. */
    @Nullable
    public String matching(String field, @Nullable String raw, Pattern form, String rule, String description) {
        String text = text(field, raw, Integer.MAX_VALUE);
        if (text != null && !form.matcher(text).matches()) {
            return fail(field, rule, description);
        }
        return text;
    }

    /** One of an enum's constants, by exact name. */
    @Nullable
    public <E extends Enum<E>> E oneOf(String field, @Nullable String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return missing(field);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw.strip())) {
                return constant;
            }
        }
        return fail(field, "NOT_ONE_OF", "must be one of " + List.of(type.getEnumConstants()));
    }

    /** Records a failure found by the caller's own rule. */
    @Nullable
    public <T> T fail(String field, String rule, String message) {
        errors.add(new FieldError(field, message, rule));
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private <T> T missing(String field) {
        return fail(field, "REQUIRED", "is required");
    }
}
