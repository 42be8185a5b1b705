package io.vitrine.kernel.idempotency;

import io.vitrine.kernel.error.InvalidInputException;

/**
 * The client's {@code Idempotency-Key}: 1 to 255 printable ASCII characters (a UUID, a ULID, an order
 * reference...). Anything else is refused before a request runs, naming the header.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isValid(value)) {
            throw InvalidInputException.of(HEADER, "IDEMPOTENCY_KEY_FORM",
                    "1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }

    public static IdempotencyKey parse(String value) {
        return new IdempotencyKey(value);
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
