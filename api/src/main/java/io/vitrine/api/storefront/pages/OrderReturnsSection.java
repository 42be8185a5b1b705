package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.returns.ReturnLine;
import io.vitrine.orders.returns.ReturnPhotos;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ReturnStatus;
import io.vitrine.orders.returns.ReturnWindow;
import io.vitrine.orders.returns.ShopperReturns;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order page's returns, rendered on the server (no script needed): the order's returns with their status and,
 * while the order can be returned (released, on or before the 30th day after the release day, China time), the
 * lines with how many units can still be asked back, else why not ({@link ReturnWindow}, with the dates). Only a guide for the form: {@link ShopperReturns} decides.
 * With any other token the section is empty (the page's script shows the lookup).
 */
@Singleton
class OrderReturnsSection {

    private final OrderReading reading;
    private final ShopperReturns returns;
    private final ReturnPhotos photos;
    private final Clock clock;

    OrderReturnsSection(OrderReading reading, ShopperReturns returns, ReturnPhotos photos, Clock clock) {
        this.reading = reading;
        this.returns = returns;
        this.photos = photos;
        this.clock = clock;
    }

    /**
     * The model's {@code returns} (rows), {@code returnable} and {@code returnLines}; while no return can be asked
     * for, {@code returnClosed} ({@link ReturnWindow}: NOT_RELEASED or RETURN_WINDOW_CLOSED) with
     * {@code returnReleasedOn} and {@code returnLastDay}.
     */
    Map<String, Object> of(String orderNo, @Nullable String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("returns", List.of());
        model.put("returnable", false);
        model.put("returnLines", List.of());
        if (token == null || token.isBlank()) {
            return model;
        }
        OrderDetails order;
        List<ReturnRequest> asked;
        try {
            order = reading.byToken(orderNo, token);
            asked = returns.ofOrder(orderNo, token);
        } catch (NotFoundException unknown) {
            return model;
        }
        model.put("returns", asked.stream()
                .map(r -> Row.of(r, photos.forShopper(r.returnNo(), token).size())).toList());
        Instant releasedAt = order.history().stream()
                .filter(e -> e.kind() == HistoryEntry.Kind.TRANSITION && e.to() == OrderStatus.RELEASED)
                .map(HistoryEntry::at).reduce((first, later) -> later).orElse(null);
        ReturnWindow window = ReturnWindow.of(order.order().status(), releasedAt, clock.instant());
        if (!window.open()) {
            model.put("returnClosed", window.closedBecause());
            model.put("returnReleasedOn", window.releasedOn() == null ? "" : window.releasedOn().toString());
            model.put("returnLastDay", window.lastDay() == null ? "" : window.lastDay().toString());
            return model;
        }
        Map<Integer, Integer> claimed = new HashMap<>();
        asked.stream().filter(r -> r.status().claimsUnits()).flatMap(r -> r.lines().stream())
                .forEach(line -> claimed.merge(line.lineNo(), line.quantity(), Integer::sum));
        List<Returnable> lines = order.lines().stream()
                .map(line -> Returnable.of(line, line.quantity() - claimed.getOrDefault(line.lineNo(), 0)))
                .filter(line -> line.left() > 0).toList();
        model.put("returnable", !lines.isEmpty());
        model.put("returnLines", lines);
        model.put("returnLastDay", window.lastDay().toString());
        return model;
    }

    /** A line that can still be asked back: up to {@code left} units. */
    public record Returnable(String sku, String nameZh, String nameEn, int left) {
        static Returnable of(OrderLine line, int left) {
            return new Returnable(line.sku(), line.nameZh(), line.nameEn() == null ? line.nameZh() : line.nameEn(), left);
        }
    }

    /**
     * One of the order's returns as the shopper sees it: no staff ids; how many photos it has, and whether one more
     * can be attached (REQUESTED, fewer than {@value ReturnPhotos#MAX_PER_RETURN}).
     */
    public record Row(String returnNo, String status, String requestedAt, String items, String rejectionReason,
                      int photos, boolean photosOpen) {
        static Row of(ReturnRequest r, int photos) {
            return new Row(r.returnNo(), r.status().name(), ChinaTimeText.of(r.requestedAt()),
                    String.join(", ", r.lines().stream().map(Row::item).toList()),
                    r.rejectionReason() == null ? "" : r.rejectionReason(), photos,
                    r.status() == ReturnStatus.REQUESTED && photos < ReturnPhotos.MAX_PER_RETURN);
        }

        private static String item(ReturnLine line) {
            return line.quantity() + " × " + line.sku();
        }
    }
}
