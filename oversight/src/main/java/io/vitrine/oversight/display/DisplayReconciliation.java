package io.vitrine.oversight.display;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report a park hands to customs: per store and SKU the account book against what the store counted, the
 * differences flagged, and every account's guarantee with its expiry.
 *
 * @param asOf        the China date it was drawn up
 * @param differences how many lines are flagged
 */
@Serdeable
public record DisplayReconciliation(Instant generatedAt, LocalDate asOf, List<ReportLine> lines,
                                    List<GuaranteeLine> guarantees, long differences) {
}
