package io.vitrine.orders.counter;

import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.carts.Cart;
import io.vitrine.orders.carts.CartStore;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.ordering.PlacedOrder;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a POS's counter sale as the storefront places a shopper's order, so the rules exist once: the lines are
 * put in a cart of the POS's store through {@link Carts} (UNKNOWN_PRODUCT, NOT_IN_ASSORTMENT, QUANTITY_RANGE, each
 * named {@code lines[i].…}), and the cart is ordered by {@link OrderPlacement} (identity, consent, single and annual
 * limits, positive list, tax, stock and quota reservations, the Alipay trade: the same 400 fields and 422 codes as
 * the kiosk's). The cart lives only for this call. A QR payment answers the QR code's content; a BARCODE one opens
 * no trade: {@link BarcodePayments} charges the shopper's code once the cashier scans it.
 */
@Singleton
public class CounterCheckout {

    private final Carts carts;
    private final CartStore cartStore;
    private final OrderPlacement placement;
    private final CurrentTenant currentTenant;

    CounterCheckout(Carts carts, CartStore cartStore, OrderPlacement placement, CurrentTenant currentTenant) {
        this.carts = carts;
        this.cartStore = cartStore;
        this.placement = placement;
        this.currentTenant = currentTenant;
    }

    /** How a POS says the shopper pays. */
    enum Payment {
        ALIPAY_QR(PayMethod.ALIPAY_QR),
        BARCODE(PayMethod.ALIPAY_BARCODE);

        private final PayMethod method;

        Payment(PayMethod method) {
            this.method = method;
        }
    }

    public PlacedOrder place(CounterSale sale) {
        FieldChecks checks = new FieldChecks();
        Payment payment = checks.oneOf("payment", sale.payment(), Payment.class);
        Map<String, Integer> units = units(sale.lines(), checks);
        checks.throwIfAny();
        String cartId = carts.create(sale.storeCode()).cart().id();
        try {
            int index = 0;
            for (Map.Entry<String, Integer> line : units.entrySet()) {
                addLine(cartId, index++, line.getKey(), line.getValue());
            }
            return placement.place(new PlaceOrder(cartId, sale.storeCode(), sale.buyer(), sale.consignee(),
                    sale.consent(), payment.method.name(), sale.deviceId(), sale.returnPage()),
                    PayMethod.COUNTER_CHOICES);
        } finally {
            cartStore.delete(currentTenant.require(), cartId); // gone already once ordered: nothing happens
        }
    }

    /** Units per SKU, in the order the lines name them; {@code lines[i].sku|qty} for what is malformed. */
    private static Map<String, Integer> units(List<CounterSale.Line> lines, FieldChecks checks) {
        Map<String, Integer> units = new LinkedHashMap<>();
        if (lines == null || lines.isEmpty()) {
            checks.fail("lines", "REQUIRED", "at least one line {sku, qty}");
            return units;
        }
        for (int i = 0; i < lines.size(); i++) {
            CounterSale.Line line = lines.get(i);
            String sku = checks.text("lines[" + i + "].sku", line == null ? null : line.sku(), 64);
            Integer qty = line == null ? null : line.qty();
            if (qty == null || qty < 1 || qty > Cart.MAX_QUANTITY) {
                checks.fail("lines[" + i + "].qty", "QUANTITY_RANGE", "whole units from 1 to " + Cart.MAX_QUANTITY);
            } else if (sku != null) {
                units.merge(sku, qty, Integer::sum);
            }
        }
        if (units.size() > Cart.MAX_LINES) {
            checks.fail("lines", "TOO_MANY_LINES", "at most " + Cart.MAX_LINES + " different products");
        }
        return units;
    }

    /** The cart's rules for one line, its field names prefixed with the line's place in the (merged) list. */
    private void addLine(String cartId, int index, String sku, int qty) {
        try {
            carts.setQuantity(cartId, sku, BigDecimal.valueOf(qty));
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.errors().stream()
                    .map(error -> new FieldError("lines[" + index + "]." + error.field(), error.message(), error.rule()))
                    .toList());
        }
    }
}
