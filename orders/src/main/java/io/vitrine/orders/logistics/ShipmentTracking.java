package io.vitrine.orders.logistics;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderShipping;
import io.vitrine.orders.ordering.Orders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Shipment statuses reported by the logistics partner, in the current tenant, the order's row locked: SHIPPED moves
 * a RELEASED order to SHIPPED, DELIVERED a SHIPPED one to DELIVERED, through {@link OrderShipping} with the device as
 * actor and the reported time in the history line (and on the waybill). The report must name the order's waybill
 * (422 {@code NO_WAYBILL}, {@code WAYBILL_MISMATCH}). A status the order has reached already is a replay: nothing
 * changes. Any other order (DELIVERED before SHIPPED, SHIPPED before customs released it) → 409.
 *
 * <p>GENERAL (duty-paid) orders do not come through here: they take no waybill ({@link WaybillRegister}) and are
 * handed over in the store; shipping them from PAID would need PAID → SHIPPED in {@code OrderStatus}' table,
 * guarded by trade mode.
 */
@Singleton
public class ShipmentTracking {

    /** How far ahead of our clock a reported time may be (the devices' signature window). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Orders orders;
    private final Waybills waybills;
    private final OrderShipping shipping;
    private final Clock clock;

    ShipmentTracking(Orders orders, Waybills waybills, OrderShipping shipping, Clock clock) {
        this.orders = orders;
        this.waybills = waybills;
        this.shipping = shipping;
        this.clock = clock;
    }

    /** The order after the report and whether this report moved it ({@code false}: a replay). */
    public record Shipment(Order order, Waybill waybill, boolean moved) {
    }

    @Transactional
    public Shipment report(ReportShipment report, String deviceKey) {
        FieldChecks checks = new FieldChecks();
        String orderNo = LogisticsFields.orderNo(checks, report.orderNo());
        String number = LogisticsFields.logisticsNo(checks, report.logisticsNo());
        ShipmentStatus status = checks.oneOf("status", report.status(), ShipmentStatus.class);
        Instant at = at(checks, report.at());
        checks.throwIfAny();
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException(WaybillRegister.NOT_FOUND));
        Waybill waybill = waybills.find(order.orderNo()).orElseThrow(() -> new BusinessRuleException("NO_WAYBILL",
                "The order " + order.orderNo() + " has no waybill: post the waybill first."));
        if (!waybill.logisticsNo().equals(number)) {
            throw new BusinessRuleException("WAYBILL_MISMATCH",
                    "The order " + order.orderNo() + " ships under another waybill number.");
        }
        if (status.reachedBy(order.status())) {
            return new Shipment(order, waybill, false);
        }
        if (order.status() != status.from()) {
            throw new ConflictException("The order " + order.orderNo() + " is " + order.status() + ": it can be reported "
                    + status + " only once it is " + status.from() + ".");
        }
        Order moved = shipping.move(order, status.to(), WaybillRegister.actor(deviceKey),
                status.name().toLowerCase(java.util.Locale.ROOT) + " at " + report.at().strip()
                        + " (waybill " + number + ")");
        if (status == ShipmentStatus.SHIPPED) {
            waybills.shipped(order.orderNo(), at);
        } else {
            waybills.delivered(order.orderNo(), at);
        }
        return new Shipment(moved, waybills.find(order.orderNo()).orElseThrow(), true);
    }

    private Instant at(FieldChecks checks, String raw) {
        if (raw == null || raw.isBlank()) {
            return checks.fail("at", "REQUIRED", "is required");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return checks.fail("at", "DATE_TIME", "an ISO-8601 date and time with an offset");
        }
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return checks.fail("at", "IN_THE_FUTURE", "is in the future");
        }
        return at;
    }
}
