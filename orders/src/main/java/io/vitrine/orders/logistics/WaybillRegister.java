package io.vitrine.orders.logistics;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.EnterpriseCode;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderShipping;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Waybills posted by the tenant's logistics partner, in the current tenant (the partner device's), the order's row
 * locked so concurrent posts take turns:
 * <ul>
 *   <li>only a cross-border order (1210, 1239, 9610: 422 {@code NOT_CROSS_BORDER} for GENERAL) that is paid
 *       (PENDING_PAYMENT, CANCELLED, CLOSED: 409); an unknown order and another tenant's are the same 404;</li>
 *   <li>the same company's same number again → nothing changes (a replay);</li>
 *   <li>a different waybill replaces the order's only while it is PAID or ON_HOLD (not yet declared: the inventory
 *       list has not carried the old one to customs); later → 409;</li>
 *   <li>a number another order holds (any tenant) → 409.</li>
 * </ul>
 * Each new or replacing waybill: a timeline note and {@link WaybillAssigned} in the outbox, in the same transaction.
 */
@Singleton
public class WaybillRegister {

    static final String NOT_FOUND = "No such order.";

    private final Orders orders;
    private final Waybills waybills;
    private final OrderShipping shipping;
    private final Outbox outbox;
    private final Clock clock;

    WaybillRegister(Orders orders, Waybills waybills, OrderShipping shipping, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.waybills = waybills;
        this.shipping = shipping;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The waybill and whether this post recorded it ({@code false}: it was there already). */
    public record Assignment(Waybill waybill, boolean recorded) {
    }

    @Transactional
    public Assignment assign(PostWaybill post, String deviceKey) {
        FieldChecks checks = new FieldChecks();
        String orderNo = LogisticsFields.orderNo(checks, post.orderNo());
        EnterpriseCode code = checks.parse("logisticsCode", post.logisticsCode(), EnterpriseCode::parse);
        String name = checks.text("logisticsName", post.logisticsName(), 100);
        String number = LogisticsFields.logisticsNo(checks, post.logisticsNo());
        checks.throwIfAny();
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        requireWaybillable(order);
        Optional<Waybill> current = waybills.find(order.orderNo());
        if (current.isPresent() && current.get().is(code.value(), number)) {
            return new Assignment(current.get(), false);
        }
        if (current.isPresent() && !replaceable(order.status())) {
            throw new ConflictException("The order " + order.orderNo() + " already has waybill "
                    + current.get().logisticsNo() + " and is " + order.status()
                    + ": a different waybill is accepted only before the order is declared.");
        }
        Waybill waybill = new Waybill(order.orderNo(), code.value(), name, number, deviceKey, now(), null, null);
        waybills.save(order, waybill);
        String replaced = current.map(Waybill::logisticsNo).orElse(null);
        shipping.note(order, actor(deviceKey), (replaced == null ? "waybill " : "waybill " + replaced + " replaced by ")
                + number + " (" + code.value() + ")");
        outbox.publish(new WaybillAssigned(order.tenant(), order.orderNo(), order.tradeMode().code(), code.value(),
                name, number, waybill.assignedAt(), replaced));
        return new Assignment(waybill, true);
    }

    /** The order's waybill, if it has one (404 for an unknown order or another tenant's). */
    @Transactional(readOnly = true)
    public Optional<Waybill> of(String orderNo) {
        return waybills.find(orderNo);
    }

    static String actor(String deviceKey) {
        return "device:" + deviceKey;
    }

    private static void requireWaybillable(Order order) {
        if (!order.tradeMode().isCrossBorderRetail()) {
            throw new BusinessRuleException("NOT_CROSS_BORDER",
                    "A duty-paid (GENERAL) order is not declared to customs and takes no waybill here.");
        }
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            throw new ConflictException("The order " + order.orderNo() + " is not paid yet: no waybill before payment.");
        }
        if (order.status().isAbandoned()) {
            throw new ConflictException("The order " + order.orderNo() + " is " + order.status() + ": it ships nothing.");
        }
    }

    /** Not yet declared: the waybill has gone nowhere. */
    private static boolean replaceable(OrderStatus status) {
        return status == OrderStatus.PAID || status == OrderStatus.ON_HOLD;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
