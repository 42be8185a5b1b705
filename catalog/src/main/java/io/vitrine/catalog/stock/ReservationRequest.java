package io.vitrine.catalog.stock;

import io.vitrine.kernel.error.FieldChecks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A checked reservation request: the reference, the lines merged per (warehouse, SKU) and put in warehouse then
 * SKU order — the order rows are locked in, so two reservations never wait on each other crosswise — and the
 * time to live. Checkout builds it from its own data, so a failure here is a caller's bug, still a 400.
 */
record ReservationRequest(String reference, List<ReservationLine> lines, Duration ttl) {

    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final int MAX_LINES = 100;
    static final Duration MAX_TTL = Duration.ofDays(7);
    static final Comparator<ReservationLine> LOCK_ORDER =
            Comparator.comparing(ReservationLine::warehouseCode).thenComparing(ReservationLine::sku);

    static ReservationRequest of(String reference, List<ReservationLine> lines, Duration ttl) {
        FieldChecks checks = new FieldChecks();
        String ref = checks.matching("reference", reference, REFERENCE, "RESERVATION_REFERENCE_FORM",
                "1-64 letters, digits, '.', '_', ':' or '-'");
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            checks.fail("ttl", "RESERVATION_TTL_RANGE", "more than zero, at most " + MAX_TTL.toDays() + " days");
        }
        List<ReservationLine> merged = merge(checks, lines == null ? List.of() : lines);
        checks.throwIfAny();
        return new ReservationRequest(ref, merged, ttl);
    }

    private static List<ReservationLine> merge(FieldChecks checks, List<ReservationLine> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            checks.fail("lines", "RESERVATION_LINES_COUNT", "1 to " + MAX_LINES + " lines");
        }
        Map<String, ReservationLine> byItem = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ReservationLine line = lines.get(i);
            String field = "lines[" + i + "]";
            String warehouse = checks.text(field + ".warehouseCode", line == null ? null : line.warehouseCode(), 32);
            String sku = checks.text(field + ".sku", line == null ? null : line.sku(), 64);
            if (line != null && (line.quantity() < 1 || line.quantity() > Stock.MAX_QUANTITY)) {
                checks.fail(field + ".quantity", "QUANTITY_RANGE", "from 1 to " + Stock.MAX_QUANTITY);
            } else if (warehouse != null && sku != null) {
                byItem.merge(warehouse + "\n" + sku, new ReservationLine(warehouse, sku, line.quantity()),
                        (a, b) -> new ReservationLine(warehouse, sku, a.quantity() + b.quantity()));
            }
        }
        List<ReservationLine> merged = new ArrayList<>(byItem.values());
        merged.sort(LOCK_ORDER);
        return merged;
    }
}
