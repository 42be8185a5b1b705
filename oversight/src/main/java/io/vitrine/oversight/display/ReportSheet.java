package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation as one sheet (CSV or XLSX through the kernel's writer): one row per account and SKU with the
 * account's guarantee and period beside it; an account that never moved anything has one row without a SKU, so
 * every guarantee is in the file. Times in China time.
 */
@Singleton
class ReportSheet {

    static final List<String> HEADER = List.of("member", "storeCode", "warehouseCode", "emsNo", "sku", "out", "sold",
            "returned", "soldNotDeclared", "onDisplay", "counted", "countedAt", "bookAtCount", "difference", "flag", "guaranteeYuan",
            "guaranteeReference", "guaranteeExpiresOn", "displayFrom", "displayTo", "accountStatus", "guaranteeReleasedOn",
            "releaseReference", "accountId");
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    private final TabularWriter writer;

    ReportSheet(TabularWriter writer) {
        this.writer = writer;
    }

    byte[] write(DisplayReconciliation report, TabularFormat format) {
        Map<String, GuaranteeLine> guarantees = new HashMap<>();
        report.guarantees().forEach(line -> guarantees.put(line.accountId(), line));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter.TabularSheet sheet = writer.open(out, format, HEADER)) {
            List<String> written = new ArrayList<>();
            for (ReportLine line : report.lines()) {
                GuaranteeLine terms = guarantees.get(line.accountId());
                sheet.row(row(line.member(), line.storeCode(), line.warehouseCode(), line.emsNo(), line.sku(),
                        line.out(), line.sold(), line.returned(), line.soldNotDeclared(), line.onDisplay(), line.counted(),
                        time(line.countedAt()), line.bookAtCount(), line.difference(), line.flag(), terms));
                written.add(line.accountId());
            }
            for (GuaranteeLine terms : report.guarantees()) {
                if (!written.contains(terms.accountId())) {
                    sheet.row(row(terms.member(), terms.storeCode(), terms.warehouseCode(), null, null, null, null,
                            null, null, 0L, null, null, null, null, null, terms));
                }
            }
        }
        return out.toByteArray();
    }

    /** {@code display-reconciliation-2026-12-01.csv} */
    static String filename(TabularFormat format, LocalDate day) {
        return "display-reconciliation-" + day + "." + format.extension();
    }

    private static List<String> row(String member, String store, String warehouse, @Nullable String emsNo,
                                    @Nullable String sku, @Nullable Long out, @Nullable Long sold,
                                    @Nullable Long returned, @Nullable Long soldNotDeclared,
                                    @Nullable Long onDisplay, @Nullable Long counted,
                                    @Nullable String countedAt, @Nullable Long bookAtCount,
                                    @Nullable Long difference, @Nullable ReportFlag flag, GuaranteeLine terms) {
        List<String> cells = new ArrayList<>();
        cells.add(member);
        cells.add(store);
        cells.add(warehouse);
        cells.add(emsNo);
        cells.add(sku);
        cells.add(text(out));
        cells.add(text(sold));
        cells.add(text(returned));
        cells.add(text(soldNotDeclared));
        cells.add(text(onDisplay));
        cells.add(text(counted));
        cells.add(countedAt);
        cells.add(text(bookAtCount));
        cells.add(text(difference));
        cells.add(flag == null ? null : flag.name());
        cells.add(terms == null ? null : terms.guaranteeYuan());
        cells.add(terms == null ? null : terms.guaranteeReference());
        cells.add(terms == null ? null : terms.guaranteeExpiresOn().toString());
        cells.add(terms == null ? null : terms.displayFrom().toString());
        cells.add(terms == null ? null : terms.displayTo().toString());
        cells.add(terms == null ? null : terms.status());
        cells.add(terms == null || terms.release() == null ? null : terms.release().releasedOn().toString());
        cells.add(terms == null || terms.release() == null ? null : terms.release().reference());
        cells.add(terms == null ? null : terms.accountId());
        return cells;
    }

    @Nullable
    private static String text(@Nullable Long value) {
        return value == null ? null : value.toString();
    }

    @Nullable
    private static String time(@Nullable Instant instant) {
        return instant == null ? null : CHINA_TIME.format(instant);
    }
}
