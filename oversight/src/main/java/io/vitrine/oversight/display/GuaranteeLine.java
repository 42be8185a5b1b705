package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * An account's guarantee and display period in the report, with the days left in China time (negative: past) and
 * the units on display by the book; {@code status} OPEN, or CLOSED with the guarantee's release.
 */
@Serdeable
public record GuaranteeLine(String member, String accountId, String storeCode, String warehouseCode,
                            long guaranteeFen, String guaranteeYuan, String guaranteeReference,
                            LocalDate guaranteeExpiresOn, long guaranteeDaysLeft, LocalDate displayFrom,
                            LocalDate displayTo, long periodDaysLeft, long onDisplay,
                            String status, @Nullable GuaranteeRelease release) {
}
