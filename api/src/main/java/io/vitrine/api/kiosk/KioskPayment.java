package io.vitrine.api.kiosk;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The payment the kiosk's QR screen shows, as its checkout posted it: the order (number and token, to follow its
 * status), Alipay's QR code text and when the payment window closes. The screen only draws what the shop's own
 * checkout received; a malformed form is 400 with its fields (REQUIRED, FORM).
 */
public record KioskPayment(String orderNo, String orderToken, String qrCode, Instant expiresAt) {

    private static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9-]{1,60}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    /** Alipay's qr_code is a short URL (https://qr.alipay.com/…); a QR code holds far more, but a kiosk screen should not. */
    private static final int MAX_QR_TEXT = 512;

    static KioskPayment of(@Nullable String orderNo, @Nullable String orderToken, @Nullable String qrCode,
                           @Nullable String expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "orderNo", orderNo, orderNo != null && ORDER_NO.matcher(orderNo).matches());
        check(errors, "orderToken", orderToken, orderToken != null && TOKEN.matcher(orderToken).matches());
        check(errors, "qrCode", qrCode, qrCode != null && !qrCode.isBlank() && qrCode.length() <= MAX_QR_TEXT);
        Instant expiry = instant(expiresAt);
        check(errors, "expiresAt", expiresAt, expiry != null);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new KioskPayment(orderNo, orderToken, qrCode, expiry);
    }

    private static void check(List<FieldError> errors, String field, @Nullable String value, boolean valid) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, field + " is required", "REQUIRED"));
        } else if (!valid) {
            errors.add(new FieldError(field, field + " is not well-formed", "FORM"));
        }
    }

    @Nullable
    private static Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For the page's countdown: epoch milliseconds. */
    public long expiresAtMillis() {
        return expiresAt.toEpochMilli();
    }

    @Override
    public String toString() {
        return "KioskPayment[" + orderNo + "]";
    }
}
