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
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.orders.PlacingDevices;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.customs.declaration.DeclarationCancellation;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.orders.ordering.StaffOrders;
import io.vitrine.tenants.access.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/orders}: the shop's orders for its staff, through {@link StaffOrders} only (the same use cases as
 * the API's {@code /api/v1/orders}, tenant-filtered, a store manager limited to their stores: any other order is the
 * 404 page). The list filters by status, store and placing day (China time, both days included) and pages by
 * {@value #PAGE_SIZE}; an order's page shows the kiosk it was placed on, its amounts, lines, masked buyer and
 * consignee, payment and timeline with its notes, and the cancel form (one-time token required, reason optional). A refused cancel (the order is
 * past the point where it can be cancelled: 409) is the order's page again, saying why.
 *
 * <p>The list shows each order's masked buyer name, which only {@link StaffOrders#details} gives: one read per row
 * of the page ({@value #PAGE_SIZE} at most), the cost of not reading sealed personal data outside the orders module.
 */
@Controller("/console/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
@Hidden
final class OrdersPage {

    static final int PAGE_SIZE = 20;
    private static final String PATH = "/console/orders";

    private final StaffOrders orders;
    private final DeclarationCancellation cancellation;
    private final OneTimeForms forms;
    private final PlacingDevices devices;

    OrdersPage(StaffOrders orders, DeclarationCancellation cancellation, OneTimeForms forms, PlacingDevices devices) {
        this.orders = orders;
        this.cancellation = cancellation;
        this.forms = forms;
        this.devices = devices;
    }

    /** Bad filter values are the page with the filter's error (400) and no rows. */
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String store, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @QueryValue(defaultValue = "0") int page) {
        Actor actor = StaffClaims.actorOf(caller);
        String wantedStatus = text(status);
        String wantedStore = text(store);
        String fromDay = text(from);
        String toDay = text(to);
        int shownPage = Math.max(page, 0);
        Map<String, String> filterErrors = new LinkedHashMap<>();
        OrderStatus statusFilter = null;
        if (!wantedStatus.isEmpty()) {
            try {
                statusFilter = OrderStatus.valueOf(wantedStatus);
            } catch (IllegalArgumentException unknown) {
                filterErrors.putAll(FormErrors.one("status", "orders.error.status", request));
            }
        }
        LocalDate since = day(fromDay, "from", filterErrors, request);
        LocalDate until = day(toDay, "to", filterErrors, request);
        List<OrderRow> rows = List.of();
        long total = 0;
        if (filterErrors.isEmpty()) {
            Orders.OrderPage found = orders.list(actor, statusFilter, wantedStore.isEmpty() ? null : wantedStore,
                    since == null ? null : startOf(since), until == null ? null : startOf(until.plusDays(1)),
                    shownPage, PAGE_SIZE);
            rows = found.items().stream().map(order -> OrderRow.of(orders.details(actor, order.orderNo()))).toList();
            total = found.total();
        }
        StringBuilder target = new StringBuilder(PATH);
        append(target, "status", wantedStatus);
        append(target, "store", wantedStore);
        append(target, "from", fromDay);
        append(target, "to", toDay);
        return ConsolePage.render(filterErrors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "orders",
                ConsolePage.model(caller,
                        "orders", rows,
                        "statuses", Arrays.stream(OrderStatus.values()).map(Enum::name).toList(),
                        "status", wantedStatus,
                        "store", wantedStore,
                        "from", fromDay,
                        "to", toDay,
                        "filtered", target.length() > PATH.length(),
                        "filterErrors", filterErrors,
                        "listTarget", target.toString(),
                        "page", shownPage,
                        "total", total,
                        "hasNext", (long) (shownPage + 1) * PAGE_SIZE < total));
    }

    @Get("/{orderNo}")
    HttpResponse<?> order(Authentication caller, @PathVariable String orderNo, @Nullable @QueryValue String cancelled) {
        return order(HttpStatus.OK, caller, orderNo, Map.of(), null, cancelled);
    }

    /**
     * The same cancel as {@code POST /api/v1/orders/{orderNo}/cancel} ({@link DeclarationCancellation}: a rejected
     * declaration is given up with it; an inventory list standing with customs is first asked to be cancelled, CEB623,
     * and the order is cancelled when customs confirms); only from the order's own page (its token).
     */
    @Post(value = "/{orderNo}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, Authentication caller, @PathVariable String orderNo,
                           @Body CancelFields fields, @Nullable @Body(OneTimeForms.FIELD) String formToken) {
        Actor actor = StaffClaims.actorOf(caller);
        if (formToken == null || formToken.isBlank()) {
            orders.details(actor, orderNo); // another shop's order, another store's: the 404 page
            return order(HttpStatus.BAD_REQUEST, caller, orderNo,
                    FormErrors.one("cancel", "orders.error.noFormToken", request), fields, null);
        }
        return forms.once(request, caller, formToken, fields, () -> {
            try {
                DeclarationCancellation.Outcome outcome = cancellation.cancel(actor, orderNo, fields.reason());
                String notice = outcome instanceof DeclarationCancellation.Outcome.Requested ? "requested" : "1";
                return ConsoleLinks.seeOther(request, PATH + "/" + ConsoleLinks.encode(orderNo) + "?cancelled=" + notice);
            } catch (ConflictException refused) {
                return order(HttpStatus.CONFLICT, caller, orderNo,
                        FormErrors.one("cancel", "orders.error.cannotCancel", request), fields, null);
            }
        });
    }

    private HttpResponse<?> order(HttpStatus status, Authentication caller, String orderNo,
                                  Map<String, String> errors, @Nullable CancelFields fields, @Nullable String cancelled) {
        OrderDetails details = orders.details(StaffClaims.actorOf(caller), orderNo);
        OrderSheet sheet = OrderSheet.of(details, devices.keyOf(details.order()));
        return ConsolePage.render(status, "order", ConsolePage.model(caller,
                "order", sheet,
                "cancelViaCustoms", cancellation.asksCustoms(orderNo),
                "orderTarget", PATH + "/" + ConsoleLinks.encode(orderNo),
                "errors", errors,
                "form", fields,
                "cancelled", cancelled != null && !"requested".equals(cancelled),
                "cancelRequested", "requested".equals(cancelled)));
    }

    @Nullable
    private static LocalDate day(String text, String field, Map<String, String> errors, HttpRequest<?> request) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            errors.putAll(FormErrors.one(field, "orders.error.day", request));
            return null;
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static void append(StringBuilder target, String name, String value) {
        if (!value.isEmpty()) {
            target.append(target.indexOf("?") < 0 ? "?" : "&").append(name).append('=').append(ConsoleLinks.encode(value));
        }
    }

    /** The cancel form as typed: an optional reason (the order keeps at most 200 characters of it). */
    @Serdeable
    public record CancelFields(@Nullable String reason) {
    }
}
