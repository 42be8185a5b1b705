package io.vitrine.api.pos;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.pos.storestock.CountReconciliation;
import io.vitrine.pos.storestock.StockReconciliation;
import io.vitrine.pos.storestock.StoreStock;
import io.vitrine.pos.storestock.StoreStockLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A store's shelf stock from its POS events, for the retailer's staff: the levels
 * ({@code GET /api/v1/stores/{code}/store-stock}) and the reconciliation of each count against what was expected
 * ({@code GET /api/v1/stores/{code}/stock-reconciliation?from=&to=&format=json|csv}, counts taken in
 * {@code [from, to)}, by default the last 30 days). Retailer admins, and store managers for their stores; another
 * tenant's or an unmanaged store is 404.
 */
@Controller("/api/v1/stores/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
class StoreStockController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final String CSV = "text/csv";

    private final StoreStock stock;
    private final StockReconciliation reconciliation;
    private final Clock clock;

    StoreStockController(StoreStock stock, StockReconciliation reconciliation, Clock clock) {
        this.stock = stock;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Get("/store-stock")
    Listing<StoreStockLevel> levels(@PathVariable String code, Authentication caller) {
        return Listing.of(stock.levels(StaffClaims.actorOf(caller), code));
    }

    @Get(value = "/stock-reconciliation", produces = {MediaType.APPLICATION_JSON, CSV})
    HttpResponse<?> reconciliation(@PathVariable String code, Authentication caller, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to, @Nullable @QueryValue String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw InvalidInputException.of("format", "NOT_ONE_OF", "must be json or csv");
        }
        Instant until = instant("to", to, clock.instant());
        Instant since = instant("from", from, until.minus(DEFAULT_PERIOD));
        List<CountReconciliation> report = reconciliation.report(StaffClaims.actorOf(caller), code, since, until);
        if ("csv".equals(format)) {
            return HttpResponse.ok(csv(report)).contentType(CSV + "; charset=utf-8");
        }
        return HttpResponse.ok(new Report(code, since, until, report)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static Instant instant(String field, @Nullable String text, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "DATE_TIME", "is ISO-8601 with an offset, e.g. 2026-03-01T00:00:00+08:00");
        }
    }

    private static String csv(List<CountReconciliation> report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("sku", "countedAt",
                "deviceKey", "eventId", "previousCountAt", "previousCounted", "sold", "returned", "expected", "counted",
                "difference").get())) {
            for (CountReconciliation line : report) {
                printer.printRecord(line.sku(), line.countedAt(), line.deviceKey(), line.eventId(),
                        line.previousCountAt(), line.previousCounted(), line.sold(), line.returned(), line.expected(),
                        line.counted(), line.difference());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The report: the counts of {@code [from, to)} at the store, by SKU then time. */
    @Serdeable
    record Report(String storeCode, Instant from, Instant to, List<CountReconciliation> items) {
    }
}
