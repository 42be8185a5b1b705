package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.oversight.display.DisplayReconciliation;
import io.vitrine.oversight.display.DisplayReports;
import io.vitrine.oversight.display.GuaranteeLine;
import io.vitrine.oversight.display.ParkDisplay;
import io.vitrine.oversight.display.ReportFile;
import io.vitrine.oversight.display.ReportLine;
import io.vitrine.tenants.access.Actor;

/**
 * {@code /console/park/display}: the park's members' bonded display accounts with their guarantees and periods, the
 * reconciliation of the account book against the stores' counts (differences first), and the report to hand to
 * customs as CSV or XLSX ({@code /console/park/display/report?format=csv|xlsx}). Every read is audited on each
 * member ({@link ParkDisplay}).
 */
@Controller("/console/park/display")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class DisplayLedgerPage {

    private final ParkDisplay display;
    private final DisplayReports reports;
    private final OwnPark ownPark;

    DisplayLedgerPage(ParkDisplay display, DisplayReports reports, OwnPark ownPark) {
        this.display = display;
        this.reports = reports;
        this.ownPark = ownPark;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        DisplayReconciliation report = display.report(admin, ownPark.of(admin).slug(), null);
        return ConsolePage.render("park/display", ConsolePage.model(caller,
                "guarantees", report.guarantees().stream().map(GuaranteeRow::of).toList(),
                "lines", report.lines().stream().sorted(java.util.Comparator
                        .comparing((ReportLine line) -> !line.flag().isDifference())).map(LineRow::of).toList(),
                "differences", report.differences(),
                "asOf", report.asOf().toString()));
    }

    @Get("/report")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    HttpResponse<?> report(Authentication caller, @Nullable @QueryValue String format) {
        TabularFormat file = DisplayReports.format(format).orElseThrow(() ->
                InvalidInputException.of("format", "NOT_ONE_OF", "csv or xlsx"));
        Actor admin = StaffClaims.actorOf(caller);
        ReportFile written = reports.file(display.report(admin, ownPark.of(admin).slug(), null), file);
        return HttpResponse.ok(written.content()).contentType(written.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + written.filename() + "\"");
    }

    /** A guarantee as the table shows it. */
    public record GuaranteeRow(String member, String storeCode, String warehouseCode, String amount, String reference,
                               String expiresOn, long guaranteeDaysLeft, String displayTo, long periodDaysLeft,
                               long onDisplay, String closedOn) {

        static GuaranteeRow of(GuaranteeLine g) {
            return new GuaranteeRow(g.member(), g.storeCode(), g.warehouseCode(),
                    Money.ofFen(g.guaranteeFen()).toDisplayString(), g.guaranteeReference(),
                    g.guaranteeExpiresOn().toString(), g.guaranteeDaysLeft(), g.displayTo().toString(),
                    g.periodDaysLeft(), g.onDisplay(),
                    g.release() == null ? "" : g.release().releasedOn() + " · " + g.release().reference());
        }
    }

    /** A reconciliation line as the table shows it. */
    public record LineRow(String member, String storeCode, String sku, long onDisplay, long soldNotDeclared,
                          String counted,
                          String countedAt, String bookAtCount, String difference, String flag, boolean flagged) {

        static LineRow of(ReportLine l) {
            return new LineRow(l.member(), l.storeCode(), l.sku(), l.onDisplay(), l.soldNotDeclared(),
                    text(l.counted()),
                    ChinaTimeText.of(l.countedAt()), text(l.bookAtCount()), text(l.difference()), l.flag().name(),
                    l.flag().isDifference());
        }

        private static String text(@Nullable Long value) {
            return value == null ? "—" : value.toString();
        }
    }
}
