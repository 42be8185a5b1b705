package io.vitrine.orders.logistics;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;

import java.util.regex.Pattern;

/** The field rules both partner posts share. */
final class LogisticsFields {

    static final int MAX_LOGISTICS_NO = 60;
    private static final Pattern NO_BLANKS = Pattern.compile("\\S+");

    private LogisticsFields() {
    }

    @Nullable
    static String orderNo(FieldChecks checks, @Nullable String raw) {
        return checks.text("orderNo", raw, 32);
    }

    /** Up to 60 characters (CEB621 logisticsNo), sent exactly: no blanks anywhere, not even around it. */
    @Nullable
    static String logisticsNo(FieldChecks checks, @Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return checks.fail("logisticsNo", "REQUIRED", "is required");
        }
        if (!NO_BLANKS.matcher(raw).matches()) {
            return checks.fail("logisticsNo", "NO_BLANKS", "a waybill number has no blanks");
        }
        if (raw.length() > MAX_LOGISTICS_NO) {
            return checks.fail("logisticsNo", "TOO_LONG", "at most " + MAX_LOGISTICS_NO + " characters");
        }
        return raw;
    }
}
