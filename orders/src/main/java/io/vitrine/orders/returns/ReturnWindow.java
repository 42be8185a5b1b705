package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.orders.ordering.OrderStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether returns of an order may be requested now (domain.md "Returns"), pure, the one place that says so: the order
 * was released by customs ({@code NOT_RELEASED} otherwise), and it is still on or before the 30th day after the
 * release day, China time ({@code RETURN_WINDOW_CLOSED} from the first instant of the 31st). {@link ReturnEligibility}
 * refuses a request by it; the shopper's order page tells by it why no return can be asked for, with the dates.
 *
 * @param closedBecause null while open, else {@code NOT_RELEASED} or {@code RETURN_WINDOW_CLOSED}
 * @param releasedOn    the release day (China time); null before the release
 * @param lastDay       the last day a return may be requested; null before the release
 */
public record ReturnWindow(@Nullable String closedBecause, @Nullable LocalDate releasedOn, @Nullable LocalDate lastDay) {

    /** Days after the release day on which a return may still be requested (domain.md "Returns"). */
    public static final int REQUEST_DAYS = 30;

    /**
     * @param releasedAt the order's release by customs (its timeline's transition to RELEASED); null if none
     */
    public static ReturnWindow of(OrderStatus status, @Nullable Instant releasedAt, Instant now) {
        if (!OrderReturning.isReleased(status) || releasedAt == null) {
            return new ReturnWindow("NOT_RELEASED", null, null);
        }
        LocalDate last = lastDay(releasedAt);
        return new ReturnWindow(now.isBefore(ChinaTime.endOfDay(last)) ? null : "RETURN_WINDOW_CLOSED",
                ChinaTime.dateOf(releasedAt), last);
    }

    /** The last day (China time) a return of goods released at {@code releasedAt} may be requested. */
    public static LocalDate lastDay(Instant releasedAt) {
        return ChinaTime.dateOf(releasedAt).plusDays(REQUEST_DAYS);
    }

    public boolean open() {
        return closedBecause == null;
    }
}
