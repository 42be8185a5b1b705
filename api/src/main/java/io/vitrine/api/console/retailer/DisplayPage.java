package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.oversight.display.AccountClosing;
import io.vitrine.oversight.display.AccountForm;
import io.vitrine.oversight.display.AccountView;
import io.vitrine.oversight.display.CloseForm;
import io.vitrine.oversight.display.DisplayAccounts;
import io.vitrine.oversight.display.DisplayMovement;
import io.vitrine.oversight.display.DisplayMovements;
import io.vitrine.oversight.display.MovementForm;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /console/display}: the retailer's bonded display accounts ({@link DisplayAccounts}) and the form that opens
 * one (guarantee in yuan, display period); {@code /console/display/{id}}: an account's balances, its movements and
 * the form that records one ({@link DisplayMovements}). The movement form carries a fresh movement key, so a form
 * sent twice records once. A refusal (below zero, the warehouse short, an order that does not fit) is the page
 * again, saying why.
 */
@Controller("/console/display")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured("RETAILER_ADMIN")
@Hidden
final class DisplayPage {

    static final int PAGE_SIZE = 50;
    static final Set<String> REFUSALS = Set.of("DISPLAY_BALANCE_NEGATIVE", "DISPLAY_ACCOUNT_EXISTS",
            "MOVEMENT_KEY_REUSED", "STOCK_NEGATIVE", "STOCK_RESERVED", "STOCK_TOO_HIGH", "ORDER_UNKNOWN",
            "ORDER_OTHER_STORE", "ORDER_NOT_RELEASED", "ORDER_WITHOUT_SKU", "ORDER_QUANTITY_EXCEEDED",
            "DISPLAY_ACCOUNT_CLOSED", "DISPLAY_UNITS_OUT");
    private static final String PATH = "/console/display";

    private final DisplayAccounts accounts;
    private final DisplayMovements movements;
    private final OneTimeForms forms;
    private final AccountClosing closing;
    private final Clock clock;

    DisplayPage(DisplayAccounts accounts, DisplayMovements movements, OneTimeForms forms, AccountClosing closing,
                Clock clock) {
        this.accounts = accounts;
        this.closing = closing;
        this.clock = clock;
        this.movements = movements;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> list(Authentication caller) {
        return list(HttpStatus.OK, caller, null, Map.of(), null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> open(HttpRequest<?> request, @Body AccountFields fields,
                         @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> {
            try {
                String id = accounts.open(StaffClaims.actorOf(caller), fields.form()).account().id();
                return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(id) + "?saved=1");
            } catch (InvalidInputException invalid) {
                return list(HttpStatus.BAD_REQUEST, caller, fields, formFields(FormErrors.of(invalid, request)), null);
            } catch (ConflictException exists) {
                return list(HttpStatus.CONFLICT, caller, fields, Map.of(), refusal(exists.code()));
            }
        });
    }

    @Get("/{id}")
    HttpResponse<?> account(Authentication caller, @PathVariable String id, @QueryValue(defaultValue = "0") int page,
                            @Nullable @QueryValue String saved) {
        return account(HttpStatus.OK, caller, id, page, null, Map.of(), null, saved != null);
    }

    @Post(value = "/{id}/movements", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> record(HttpRequest<?> request, @PathVariable String id, @Body MovementFields fields,
                           Authentication caller) {
        return change(request, caller, id, fields, () -> movements.record(StaffClaims.actorOf(caller), id,
                new MovementForm(fields.movementKey(), fields.kind(), fields.sku(), number(fields.quantity()),
                        fields.orderNo(), fields.note())));
    }

    /** Closes the account (its guarantee released); units still out are the page again, naming them. */
    @Post(value = "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(HttpRequest<?> request, @PathVariable String id, @Body CloseFields fields,
                          Authentication caller) {
        return change(request, caller, id, null, () -> closing.close(StaffClaims.actorOf(caller), id,
                new CloseForm(fields.releasedOn(), fields.releaseReference())));
    }

    /**
     * A change to the account: the account's page once done; a refusal is the page again saying why (400 naming the
     * fields, 422 or 409 the rule), with the movement form as typed when it was the movement form's.
     */
    private HttpResponse<?> change(HttpRequest<?> request, Authentication caller, String id,
                                   @Nullable MovementFields fields, Runnable change) {
        try {
            change.run();
            return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(id) + "?saved=1");
        } catch (InvalidInputException invalid) {
            accounts.get(id); // another tenant's account: the 404 page
            return account(HttpStatus.BAD_REQUEST, caller, id, 0, fields, FormErrors.of(invalid, request), null, false);
        } catch (BusinessRuleException refused) {
            return account(HttpStatus.UNPROCESSABLE_ENTITY, caller, id, 0, fields, Map.of(), refusal(refused.code()),
                    false);
        } catch (ConflictException refused) {
            return account(HttpStatus.CONFLICT, caller, id, 0, fields, Map.of(), refusal(refused.code()), false);
        }
    }

    private HttpResponse<?> list(HttpStatus status, Authentication caller, @Nullable AccountFields form,
                                 Map<String, String> errors, @Nullable String refusal) {
        return ConsolePage.render(status, "display", ConsolePage.model(caller,
                "accounts", accounts.list().stream().map(AccountRow::of).toList(),
                "form", form,
                "errors", errors,
                "refusal", refusal));
    }

    private HttpResponse<?> account(HttpStatus status, Authentication caller, String id, int page,
                                    @Nullable MovementFields form, Map<String, String> errors,
                                    @Nullable String refusal, boolean saved) {
        AccountView view = accounts.get(id);
        DisplayAccounts.MovementPage shown = accounts.movements(id, Math.max(page, 0), PAGE_SIZE);
        return ConsolePage.render(status, "display-account", ConsolePage.model(caller,
                "account", AccountRow.of(view),
                "balances", view.balances(),
                "movements", shown.items().stream().map(MovementRow::of).toList(),
                "page", Math.max(page, 0),
                "total", shown.total(),
                "hasNext", (long) (Math.max(page, 0) + 1) * PAGE_SIZE < shown.total(),
                "target", PATH + "/" + ConsoleLinks.encode(id),
                "today", ChinaTime.today(clock).toString(),
                "kinds", List.of("OUT_FOR_DISPLAY", "SOLD_DECLARED", "RETURNED_TO_ZONE"),
                "movementKey", form != null && form.movementKey() != null ? form.movementKey()
                        : "console-" + UUID.randomUUID(),
                "form", form,
                "errors", errors,
                "refusal", refusal,
                "saved", saved));
    }

    /** The API's field names for the guarantee, as the form names its inputs. */
    private static Map<String, String> formFields(Map<String, String> errors) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        errors.forEach((field, error) -> named.put(switch (field) {
            case "guarantee.amountFen" -> "guaranteeYuan";
            case "guarantee.reference" -> "guaranteeReference";
            case "guarantee.expiresOn" -> "guaranteeExpiresOn";
            default -> field;
        }, error));
        return named;
    }

    private static String refusal(@Nullable String code) {
        return code != null && REFUSALS.contains(code) ? code : "OTHER";
    }

    /** Only "not a number" is the page's to say; every rule on the number is the ledger's. */
    @Nullable
    private static BigDecimal number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("quantity", "WHOLE_NUMBER", "whole units, e.g. 12");
        }
    }

    /** An account as the tables show it. */
    public record AccountRow(String id, String storeCode, String warehouseCode, String guarantee, String reference,
                             String expiresOn, String displayFrom, String displayTo, long onDisplay,
                             boolean closed, String releasedOn, String releaseReference) {

        static AccountRow of(AccountView view) {
            var a = view.account();
            return new AccountRow(a.id(), a.storeCode(), a.warehouseCode(),
                    a.guarantee().amount().toDisplayString(), a.guarantee().reference(),
                    a.guarantee().expiresOn().toString(), a.period().from().toString(), a.period().to().toString(),
                    view.onDisplay(), a.closed(), a.closed() ? a.release().releasedOn().toString() : "",
                    a.closed() ? a.release().reference() : "");
        }
    }

    /** A movement as the table shows it. */
    public record MovementRow(String at, String kind, String sku, long quantity, String orderNo, String note,
                              long onDisplayAfter, String actor, String movementKey) {

        static MovementRow of(DisplayMovement m) {
            return new MovementRow(ChinaTimeText.of(m.occurredAt()), m.kind().name(), m.sku(), m.quantity(),
                    m.orderNo() == null ? "" : m.orderNo(), m.note() == null ? "" : m.note(), m.onDisplayAfter(),
                    m.actorName() == null ? m.actorId() : m.actorName(), m.movementKey());
        }
    }

    /** The open-account form as typed; the guarantee in yuan (e.g. 50000.00). */
    @Serdeable
    public record AccountFields(@Nullable String storeCode, @Nullable String warehouseCode,
                                @Nullable String guaranteeYuan, @Nullable String guaranteeReference,
                                @Nullable String guaranteeExpiresOn, @Nullable String displayFrom,
                                @Nullable String displayTo) {

        AccountForm form() {
            BigDecimal fen = null;
            if (guaranteeYuan != null && !guaranteeYuan.isBlank()) {
                try {
                    fen = BigDecimal.valueOf(Money.parse(guaranteeYuan).fen());
                } catch (InvalidInputException e) {
                    throw InvalidInputException.of("guaranteeYuan", "AMOUNT_FORM", "a yuan amount like 50000.00");
                }
            }
            return new AccountForm(storeCode, warehouseCode, fen, guaranteeReference, guaranteeExpiresOn, displayFrom,
                    displayTo);
        }
    }

    /** The closing form as typed. */
    @Serdeable
    public record CloseFields(@Nullable String releasedOn, @Nullable String releaseReference) {
    }

    /** The movement form as typed. */
    @Serdeable
    public record MovementFields(@Nullable String movementKey, @Nullable String kind, @Nullable String sku,
                                 @Nullable String quantity, @Nullable String orderNo, @Nullable String note) {
    }
}
