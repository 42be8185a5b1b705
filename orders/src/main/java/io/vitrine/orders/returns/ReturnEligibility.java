package io.vitrine.orders.returns;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.ReturnableOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an order's lines may come back (domain.md "Returns"), pure: the order was released by customs
 * ({@code NOT_RELEASED} otherwise); the request comes by the end of the 30th day after the release day, in China
 * ({@code RETURN_WINDOW_CLOSED} otherwise, naming both dates); each item is a line of the order ({@code NOT_IN_ORDER},
 * field {@code items[i].sku}) and asks at most what was bought less what open returns already claim
 * ({@code RETURN_QUANTITY_EXCEEDED}, field {@code items[i].qty}). Every refused item is named at once.
 */
final class ReturnEligibility {

    /** The last day (China time) a return of goods released at {@code releasedAt} may be requested. */
    static LocalDate lastDay(Instant releasedAt) {
        return ReturnWindow.lastDay(releasedAt);
    }

    /**
     * The lines to return, or {@link ReturnRefusedException}.
     *
     * @param claimed units each order line (by number) already has in returns still open
     */
    static List<ReturnLine> lines(ReturnableOrder order, ReturnForm form, Map<Integer, Integer> claimed, Instant now) {
        ReturnWindow window = ReturnWindow.of(order.status(), order.releasedAt(), now);
        if ("NOT_RELEASED".equals(window.closedBecause())) {
            throw new ReturnRefusedException("NOT_RELEASED", "Order " + order.orderNo() + " is " + order.status()
                    + ": goods can be returned once customs has released them.", List.of());
        }
        if (!window.open()) {
            throw new ReturnRefusedException("RETURN_WINDOW_CLOSED", "Returns are requested within "
                    + ReturnWindow.REQUEST_DAYS + " days of release: order " + order.orderNo() + " was released on "
                    + window.releasedOn() + ", the last day was " + window.lastDay() + " (China time).", List.of());
        }
        List<ReturnLine> lines = new ArrayList<>();
        List<FieldError> refused = new ArrayList<>();
        for (ReturnForm.Item item : form.items()) {
            String field = "items[" + item.index() + "]";
            OrderLine line = order.lines().stream().filter(l -> l.sku().equals(item.sku())).findFirst().orElse(null);
            if (line == null) {
                refused.add(new FieldError(field + ".sku", "not a line of order " + order.orderNo(), "NOT_IN_ORDER"));
                continue;
            }
            int left = line.quantity() - claimed.getOrDefault(line.lineNo(), 0);
            if (item.qty() > left) {
                refused.add(new FieldError(field + ".qty", "at most " + left + " (bought " + line.quantity()
                        + ", " + (line.quantity() - left) + " already being returned)", "RETURN_QUANTITY_EXCEEDED"));
                continue;
            }
            lines.add(new ReturnLine(line.lineNo(), line.sku(), item.qty(), line.quantity(), line.unitPrice(),
                    line.value(), line.tax().total()));
        }
        if (!refused.isEmpty()) {
            throw new ReturnRefusedException(refused.get(0).rule(), "Some lines cannot be returned: "
                    + refused.get(0).field() + " " + refused.get(0).message() + ".", refused);
        }
        return List.copyOf(lines);
    }
}
