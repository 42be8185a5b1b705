package io.vitrine.orders.ordering;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.carts.Cart;
import io.vitrine.orders.carts.CartStore;
import io.vitrine.orders.compliance.AcceptedCheckout;
import io.vitrine.orders.compliance.CheckoutCompliance;
import io.vitrine.orders.numbers.OrderNumber;
import io.vitrine.orders.numbers.OrderNumbers;
import io.vitrine.tenants.access.BearerToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places an order from a cart (issue #5): the form checked (400), the cart's live facts gathered, the compliance
 * rules applied (422 with the first refusal's code), an order number issued — claimed platform-wide in its own
 * short transaction, so the trade is only ever opened under a number no other order has: a number drawn twice would
 * open (or close) another order's trade — and the Alipay trade opened under it ({@link TradeOpening}) outside any
 * transaction, so the remote call holds neither a connection nor the stock and quota row locks other checkouts wait
 * on; then {@link OrderIntake} records the order, its payment link included, in one transaction (a refused order
 * leaves its number claimed and unused). If opening the trade fails nothing is recorded and the failure is
 * answered (503 to retry, or 422); if the order is refused in its transaction (OUT_OF_STOCK, ANNUAL_LIMIT_EXCEEDED,
 * a second order of the cart) the trade nobody was shown is closed. The cart is deleted once the order is recorded;
 * a second order of the same cart, even racing the first, is a 409.
 *
 * <p>Payment window: {@code vitrine.orders.payment-window} (15m).
 */
@Singleton
public class OrderPlacement {


    private final CartStore carts;
    private final CheckoutGathering gathering;
    private final OrderIntake intake;
    private final OrderNumbers numbers;
    private final TradeOpening trades;
    private final CurrentTenant currentTenant;
    private final Clock clock;
    private final Duration paymentWindow;

    @Inject
    OrderPlacement(CartStore carts, CheckoutGathering gathering, OrderIntake intake, OrderNumbers numbers,
                   TradeOpening trades,
                   CurrentTenant currentTenant, Clock clock,
                   @Value("${vitrine.orders.payment-window:15m}") Duration paymentWindow) {
        if (paymentWindow.toMinutes() < 1) {
            throw new IllegalArgumentException("vitrine.orders.payment-window is at least one minute (Alipay's)");
        }
        this.carts = carts;
        this.gathering = gathering;
        this.intake = intake;
        this.numbers = numbers;
        this.trades = trades;
        this.currentTenant = currentTenant;
        this.clock = clock;
        this.paymentWindow = paymentWindow;
    }

    /** A shopper's order (storefront, kiosk page): paid by QR code or on Alipay's wap page. */
    public PlacedOrder place(PlaceOrder form) {
        return place(form, PayMethod.SHOPPER_CHOICES);
    }

    /**
     * The same placement, with the ways of paying this channel offers ({@link PayMethod#COUNTER_CHOICES} for a POS):
     * any other {@code payMethod} is 400 NOT_ONE_OF.
     */
    public PlacedOrder place(PlaceOrder form, Set<PayMethod> offered) {
        FieldChecks checks = new FieldChecks();
        String cartId = checks.text("cartId", form.cartId(), 64);
        String storeCode = checks.text("storeCode", form.storeCode(), 32);
        String chosen = checks.text("payMethod", form.payMethod(), 32);
        PayMethod payMethod = chosen == null ? null : offered.stream().filter(method -> method.name().equals(chosen))
                .findFirst().orElseGet(() -> checks.fail("payMethod", "NOT_ONE_OF",
                        "must be one of " + new TreeSet<>(offered)));
        PersonalDataSeal.ValidConsignee consignee = ConsigneeChecks.check(form.consignee(), checks);
        checks.throwIfAny();
        TenantId tenant = currentTenant.require();
        Cart cart = carts.find(tenant, cartId).orElseThrow(CartStore::notFound);
        if (!cart.storeCode().equals(storeCode)) {
            checks.fail("storeCode", "NOT_THE_CARTS_STORE", "the cart is for store " + cart.storeCode());
            checks.throwIfAny();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CheckoutGathering.Gathered gathered = gathering.gather(cart, form.buyer(), form.consent(), now);
        AcceptedCheckout accepted = CheckoutCompliance.check(gathered.facts()).orThrow();
        if (consignee == null && accepted.tradeMode().isCrossBorderRetail()) {
            checks.fail("consignee", "REQUIRED", "a cross-border order names who receives it");
            checks.throwIfAny();
        }
        String token = BearerToken.generate();
        OrderNumber number = numbers.issue(tenant);
        String link = trades.open(tenant, number.value(), accepted.amounts().total(), payMethod, paymentWindow,
                form.returnPage().resolve(number.value() + "?token=" + token));
        Order order;
        try {
            order = intake.record(tenant, number, link, new OrderIntake.NewOrder(accepted, gathered.products(),
                    storeCode, form.deviceId(), payMethod, accepted.buyerId() == null ? null : form.buyer(), consignee,
                    BearerToken.hash(cartId), BearerToken.hash(token), "shopper"), now, paymentWindow);
        } catch (RuntimeException refused) {
            trades.abandon(tenant, number.value());
            throw refused;
        }
        carts.delete(tenant, cartId);
        return new PlacedOrder(order, token);
    }
}
