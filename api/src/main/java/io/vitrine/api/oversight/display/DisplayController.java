package io.vitrine.api.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.oversight.display.DisplayJson.AccountJson;
import io.vitrine.api.oversight.display.DisplayJson.AccountRequest;
import io.vitrine.api.oversight.display.DisplayJson.CloseRequest;
import io.vitrine.api.oversight.display.DisplayJson.MovementJson;
import io.vitrine.api.oversight.display.DisplayJson.MovementRequest;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.oversight.display.AccountClosing;
import io.vitrine.oversight.display.DisplayAccounts;
import io.vitrine.oversight.display.DisplayMovements;
import io.vitrine.oversight.display.DisplayReconciliation;
import io.vitrine.oversight.display.DisplayReports;
import io.vitrine.oversight.display.MovementForm;
import io.vitrine.oversight.display.RecordedMovement;
import io.vitrine.oversight.display.ReportFile;

import java.util.Optional;

/**
 * The retailer's bonded display ledger (oversight/README.md "HTTP"), retailer admins only: accounts per store and
 * bonded warehouse with their guarantee and display period, movements recorded once per {@code movementKey} (201;
 * the same key again 200 with {@code Idempotent-Replayed: true}), and the reconciliation report as JSON, CSV or
 * XLSX; an account closed once nothing is out (its guarantee released). Another tenant's account is 404; a movement below zero 422 {@code DISPLAY_BALANCE_NEGATIVE}, a reused key 409
 * {@code MOVEMENT_KEY_REUSED}.
 */
@Controller("/api/v1/display")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("RETAILER_ADMIN")
class DisplayController {

    private final DisplayAccounts accounts;
    private final DisplayMovements movements;
    private final DisplayReports reports;
    private final AccountClosing closing;

    DisplayController(DisplayAccounts accounts, DisplayMovements movements, DisplayReports reports,
                      AccountClosing closing) {
        this.accounts = accounts;
        this.closing = closing;
        this.movements = movements;
        this.reports = reports;
    }

    @Post("/accounts")
    @Status(HttpStatus.CREATED)
    @Idempotent
    AccountJson open(@Body AccountRequest request, Authentication caller) {
        return AccountJson.of(accounts.open(StaffClaims.actorOf(caller), request.form()));
    }

    @Get("/accounts")
    Listing<AccountJson> list() {
        return Listing.of(accounts.list().stream().map(AccountJson::of).toList());
    }

    @Get("/accounts/{id}")
    AccountJson get(@PathVariable String id) {
        return AccountJson.of(accounts.get(id));
    }

    /** A new guarantee or display period (store and warehouse stay). */
    @Put("/accounts/{id}")
    AccountJson renew(@PathVariable String id, @Body AccountRequest request, Authentication caller) {
        return AccountJson.of(accounts.renew(StaffClaims.actorOf(caller), id, request.form()));
    }

    /**
     * Closes the account once nothing is out: the guarantee's release recorded; 409 {@code DISPLAY_UNITS_OUT}
     * naming what is still out, {@code DISPLAY_ACCOUNT_CLOSED} when it was closed already.
     */
    @Post("/accounts/{id}/close")
    AccountJson close(@PathVariable String id, @Body CloseRequest request, Authentication caller) {
        return AccountJson.of(closing.close(StaffClaims.actorOf(caller), id, request.form()));
    }

    @Post("/accounts/{id}/movements")
    HttpResponse<MovementJson> record(@PathVariable String id, @Body MovementRequest request, Authentication caller) {
        RecordedMovement recorded = movements.record(StaffClaims.actorOf(caller), id, new MovementForm(
                request.movementKey(), request.kind(), request.sku(), request.quantity(), request.orderNo(),
                request.note()));
        MovementJson body = MovementJson.of(recorded.movement());
        return recorded.replayed() ? HttpResponse.ok(body).header(Idempotent.REPLAYED, "true")
                : HttpResponse.created(body);
    }

    @Get("/accounts/{id}/movements")
    Listing<MovementJson> movements(@PathVariable String id, @QueryValue(defaultValue = "0") int page,
                                    @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        DisplayAccounts.MovementPage found = accounts.movements(id, page, size);
        return new Listing<>(found.items().stream().map(MovementJson::of).toList(), found.total());
    }

    @Get(value = "/report", produces = {MediaType.APPLICATION_JSON, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    HttpResponse<?> report(@Nullable @QueryValue String format) {
        Optional<TabularFormat> file = DisplayReports.format(format);
        DisplayReconciliation report = reports.own();
        return respond(reports, report, file);
    }

    /** JSON, or the file as an attachment. */
    static HttpResponse<?> respond(DisplayReports reports, DisplayReconciliation report, Optional<TabularFormat> file) {
        if (file.isEmpty()) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        ReportFile written = reports.file(report, file.get());
        return HttpResponse.ok(written.content()).contentType(written.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + written.filename() + "\"");
    }
}
