package io.vitrine.customs.paymentdata;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Customs' request ({@code openReq}): which order, under which session, sent when.
 *
 * @param sessionId   {@code sessionID}: customs' session, the key of the answer (and of "once")
 * @param serviceTime customs' clock when it asked, epoch milliseconds
 */
public record PaymentDataRequest(String orderNo, String sessionId, long serviceTime) {

    /** The interface's order number: C..60 (the CEB311's orderNo). */
    static final int ORDER_NO_MAX = 60;
    static final int SESSION_ID_MAX = 64;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * Checks the fields as customs sent them; every fault at once, field names as in {@code openReq}.
     *
     * @throws InvalidInputException rules REQUIRED, MAX_LENGTH, FORMAT (printable ASCII, no spaces), POSITIVE_INTEGER
     */
    public static PaymentDataRequest of(@Nullable String orderNo, @Nullable String sessionId,
                                        @Nullable Long serviceTime) {
        List<FieldError> errors = new ArrayList<>();
        check("orderNo", orderNo, ORDER_NO_MAX, errors);
        check("sessionID", sessionId, SESSION_ID_MAX, errors);
        if (serviceTime == null) {
            errors.add(error("serviceTime", "REQUIRED", "serviceTime is required"));
        } else if (serviceTime <= 0) {
            errors.add(error("serviceTime", "POSITIVE_INTEGER", "serviceTime is epoch milliseconds"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PaymentDataRequest(orderNo, sessionId, serviceTime);
    }

    private static FieldError error(String field, String rule, String message) {
        return new FieldError(field, message, rule);
    }

    private static void check(String field, @Nullable String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "REQUIRED", field + " is required"));
        } else if (value.length() > max) {
            errors.add(error(field, "MAX_LENGTH", field + " is at most " + max + " characters"));
        } else if (!PRINTABLE.matcher(value).matches()) {
            errors.add(error(field, "FORMAT", field + " must be printable ASCII without spaces"));
        }
    }
}
