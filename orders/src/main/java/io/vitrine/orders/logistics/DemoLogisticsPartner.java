package io.vitrine.orders.logistics;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.tenants.settings.Settings;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The embedded mode's built-in logistics partner ({@code vitrine.logistics.demo.enabled}; off in cluster mode): on
 * {@link OrderPaid} of a cross-border order of a tenant whose {@code logisticsProvider} setting is {@value #PROVIDER},
 * it assigns a waybill through {@link WaybillRegister} exactly as a PARTNER device's {@code POST
 * /api/v1/logistics/waybills} does (same checks, timeline note with actor {@code device:demo-logistics},
 * {@link WaybillAssigned}), so the declaration's inventory list can go out and a demo purchase clears. The number is
 * derived from the order number: a redelivery posts the same waybill again, which changes nothing.
 */
@Singleton
@Requires(property = DemoLogisticsPartner.ENABLED, value = "true")
class DemoLogisticsPartner implements OutboxListener {

    static final String ENABLED = "vitrine.logistics.demo.enabled";
    /** The tenant setting's value that picks this partner. */
    static final String PROVIDER = "demo";
    static final String DEVICE = "demo-logistics";
    static final String CODE = "4403980001";
    static final String NAME = "演示物流有限公司 Demo Logistics";

    private final Orders orders;
    private final Settings settings;
    private final WaybillRegister register;

    DemoLogisticsPartner(Orders orders, Settings settings, WaybillRegister register) {
        this.orders = orders;
        this.settings = settings;
        this.register = register;
    }

    @Override
    public String name() {
        return "orders.demo-logistics";
    }

    @Override
    public java.util.Set<String> eventTypes() {
        return java.util.Set.of(OrderPaid.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        OrderPaid paid = event.payloadAs(OrderPaid.class);
        String provider = settings.current().logisticsProvider();
        if (provider == null || !PROVIDER.equals(provider.trim().toLowerCase(Locale.ROOT))) {
            return;
        }
        Order order = orders.find(paid.orderNo()).orElse(null);
        if (order == null || !order.tradeMode().isCrossBorderRetail() || order.status() == OrderStatus.PENDING_PAYMENT
                || order.status().isAbandoned()) {
            return;
        }
        register.assign(new PostWaybill(order.orderNo(), CODE, NAME, waybillNo(order.orderNo())), DEVICE);
    }

    static String waybillNo(String orderNo) {
        return "DEMO" + orderNo;
    }
}
