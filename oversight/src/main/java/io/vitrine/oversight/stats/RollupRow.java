package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** One aggregate row as read: its keys (empty where its grain holds none), its period's first day, its counters. */
public record RollupRow(OrderKeys keys, LocalDate periodStart, long orders, long gmvFen, long taxFen,
                        long declarationsDecided, long declarationsPassed, long released,
                        @Nullable byte[] clearanceHistogram, long returns, long returnedFen, long refundedFen,
                        long kioskSamples,
                        long kioskOnlineSamples, long kioskDays) {
}
