package io.vitrine.orders.logistics;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * An order's waybill as the logistics partner assigned it (CEB511/621's logisticsCode, logisticsName,
 * logisticsNo), and when the partner reported the parcel shipped and delivered.
 *
 * @param logisticsCode the logistics company's customs registration code (10) or USCC (18)
 * @param deviceKey     the partner device that posted it
 */
public record Waybill(String orderNo, String logisticsCode, String logisticsName, String logisticsNo,
                      String deviceKey, Instant assignedAt, @Nullable Instant shippedAt,
                      @Nullable Instant deliveredAt) {

    /** The same waybill: the same company's same number (the name is descriptive only). */
    public boolean is(String code, String number) {
        return logisticsCode.equals(code) && logisticsNo.equals(number);
    }
}
