package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One SKU of one account in the reconciliation report: the account book ({@code out - sold - returned -
 * soldNotDeclared = onDisplay}, {@code soldNotDeclared} the units the store's POS sold that no declared order covers
 * yet) against the store's latest POS count. {@code bookAtCount} is what the book had on display at that
 * count's instant (the store's accounts together, when several hold the SKU), {@code difference} = counted -
 * bookAtCount.
 */
@Serdeable
public record ReportLine(String member, String accountId, String storeCode, String warehouseCode,
                         @Nullable String emsNo, String sku, long out, long sold, long returned, long onDisplay,
                         long soldNotDeclared, @Nullable Long counted, @Nullable Instant countedAt, @Nullable Long bookAtCount,
                         @Nullable Long difference, ReportFlag flag) {
}
