package io.vitrine.customs.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Year;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment leg end to end, on H2 and on MariaDB: orders placed and paid at the fake Alipay for real, the order leg
 * sent (the first outbox round), then the payment leg declared by the outbox's {@code DeclarationOpened} through the
 * real SDK adapter against the fake gateway, which keeps each declaration by its request number.
 */
abstract class PaymentLegSuite {

    private static final String DECLARE = "alipay.trade.customs.declare";
    private static final String QUERY = "alipay.trade.customs.query";

    private final DeclaringShop customs = new DeclaringShop(declaring());
    private final ApplicationContext context = customs.context();
    private final FakeAlipay fake = customs.declaring().fake();
    private final OrderFixtures fixtures = customs.fixtures();
    private final Shop shop = customs.shop();

    protected abstract DeclarationContexts.Declaring declaring();

    @AfterEach
    void clearFaults() {
        fake.faults().clear();
    }

    @Test
    void identity_check_T_accepts_the_payment_leg_once_and_a_second_delivery_declares_nothing_more() {
        String orderNo = paidOrder("张三", TestBuyers.newBuyer()).orderNo();
        long declares = calls(DECLARE, orderNo);

        dispatchTwice();

        PaymentDeclaration payment = payment(orderNo);
        assertThat(payment.state()).isEqualTo(PaymentDeclaration.State.ACCEPTED);
        assertThat(payment.outRequestNo()).isEqualTo(orderNo + "-P");
        assertThat(payment.identityCheck()).isEqualTo("T");
        assertThat(payment.alipayDeclareNo()).isNotBlank();
        assertThat(payment.payCode()).isNotBlank();
        assertThat(payment.payTransactionId()).isEqualTo(fake.trade(orderNo).orElseThrow().tradeNo());
        assertThat(payment.attempts()).isEqualTo(1);
        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.paymentLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(declaration.status()).as("the order leg is not accepted yet").isEqualTo(DeclarationStatus.DECLARING);
        assertThat(paymentAccepted(orderNo)).isEqualTo(1);
        assertThat(calls(DECLARE, orderNo) - declares).isEqualTo(1);
        JsonNode declared = fakeDeclaration(payment.outRequestNo());
        assertThat(declared.path("amount").decimalValue()).isEqualByComparingTo(paidYuan(orderNo));
        assertThat(declared.path("merchantCustomsCode").asText()).isEqualTo("3301964J31");
        assertThat(declared.path("customsPlace").asText()).isEqualTo("ZONGSHU");

        customs.deliverAgain(PaymentLegDeclaring.NAME, DeclarationOpened.TYPE, orderNo);

        assertThat(calls(DECLARE, orderNo) - declares).isEqualTo(1);
        assertThat(paymentAccepted(orderNo)).isEqualTo(1);
        assertThat(payment(orderNo).alipayDeclareNo()).isEqualTo(payment.alipayDeclareNo());
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);
    }

    @Test
    void identity_check_F_rejects_the_payment_leg_and_cancels_the_order_refunded_once_with_its_quota_released() {
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        Order placed = paidOrder("Li Mismatch", buyer);
        String orderNo = placed.orderNo();

        dispatchTwice();
        customs.deliverAgain(PaymentLegDeclaring.NAME, DeclarationOpened.TYPE, orderNo);

        PaymentDeclaration payment = payment(orderNo);
        assertThat(payment.state()).isEqualTo(PaymentDeclaration.State.REJECTED);
        assertThat(payment.identityCheck()).isEqualTo("F");
        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.paymentLeg()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(declaration.rejectionReason()).contains("identity_check F");
        assertThat(paymentAccepted(orderNo)).isZero();
        OrderDetails order = order(orderNo);
        assertThat(order.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.order().refunded()).isEqualTo(placed.amounts().total());
        assertThat(order.order().refundRequestNo()).isEqualTo(orderNo + "-C");
        assertThat(fake.trade(orderNo).orElseThrow().refunds()).hasSize(1);
        String reason = ClearanceRefusal.PAYER_NOT_BUYER.message();
        assertThat(order.history()).extracting(HistoryEntry::to)
                .containsSubsequence(OrderStatus.DECLARING, OrderStatus.REJECTED, OrderStatus.CANCELLED);
        assertThat(order.history()).anyMatch(e -> e.to() == OrderStatus.CANCELLED && reason.equals(e.reason()));
        assertThat(ClearanceRefusal.localized(reason, Locale.SIMPLIFIED_CHINESE)).contains("订购人身份不一致");
        var quota = customs.as(() -> context.getBean(AnnualQuotas.class).standing(buyer, Year.now(java.time.ZoneId.of("Asia/Shanghai"))));
        assertThat(quota.held()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_lost_answer_is_settled_by_the_query_on_the_retry_without_a_second_declaration() {
        String orderNo = paidOrder("张三", TestBuyers.newBuyer()).orderNo();
        customs.dispatch();
        long declares = calls(DECLARE, orderNo);
        long queries = calls(QUERY, orderNo);
        fake.faults().loseNextAnswers(1);

        customs.dispatch();

        PaymentDeclaration unknown = payment(orderNo);
        assertThat(unknown.state()).isEqualTo(PaymentDeclaration.State.UNKNOWN);
        assertThat(unknown.lastError()).isNotBlank();
        assertThat(customs.declaration(orderNo).paymentLeg()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(fakeDeclaration(unknown.outRequestNo()).isMissingNode()).as("Alipay did declare it").isFalse();

        customs.deliverAgain(PaymentLegDeclaring.NAME, DeclarationOpened.TYPE, orderNo);

        PaymentDeclaration settled = payment(orderNo);
        assertThat(settled.state()).isEqualTo(PaymentDeclaration.State.ACCEPTED);
        assertThat(settled.alipayDeclareNo()).isEqualTo(fakeDeclaration(unknown.outRequestNo())
                .path("alipayDeclareNo").asText());
        assertThat(calls(DECLARE, orderNo) - declares).isEqualTo(1);
        assertThat(calls(QUERY, orderNo) - queries).isEqualTo(1);
        assertThat(customs.declaration(orderNo).paymentLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(paymentAccepted(orderNo)).isEqualTo(1);
    }

    @Test
    void a_declaration_that_never_reached_alipay_is_declared_on_the_retry_once_the_query_finds_nothing() {
        String orderNo = paidOrder("张三", TestBuyers.newBuyer()).orderNo();
        customs.dispatch();
        long declares = calls(DECLARE, orderNo);
        long queries = calls(QUERY, orderNo);
        fake.faults().unreachableNext(1);

        customs.dispatch();

        assertThat(payment(orderNo).state()).isEqualTo(PaymentDeclaration.State.UNKNOWN);
        assertThat(fakeDeclaration(orderNo + "-P").isMissingNode()).isTrue();

        customs.deliverAgain(PaymentLegDeclaring.NAME, DeclarationOpened.TYPE, orderNo);

        PaymentDeclaration settled = payment(orderNo);
        assertThat(settled.state()).isEqualTo(PaymentDeclaration.State.ACCEPTED);
        assertThat(settled.attempts()).isEqualTo(2);
        assertThat(calls(QUERY, orderNo) - queries).isEqualTo(1);
        assertThat(calls(DECLARE, orderNo) - declares).as("the unreachable call never arrived").isEqualTo(1);
    }

    // --- helpers

    private Order paidOrder(String buyerName, ResidentIdNumber buyer) {
        String sku = fixtures.product(shop, 29900, "1210", OrderFixtures.LISTED_HS_CODE, 5);
        Order placed = customs.placedOrder(sku, buyerName, buyer);
        customs.payAtTheFake(placed);
        return placed;
    }

    /** The first round sends the order leg (OrderPaid), the second declares the payment (DeclarationOpened). */
    private void dispatchTwice() {
        customs.dispatch();
        customs.dispatch();
    }

    private long paymentAccepted(String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ? "
                + "AND payload LIKE ?", DeclarationLegAccepted.TYPE, orderNo, "%\"PAYMENT\"%");
    }

    /** Calls of this method the fake gateway answered (its ledger). */
    /** The fake's calls of this method about this order (its request number), not other tests' retries. */
    private long calls(String method, String orderNo) {
        return fake.ledger().stream().filter(e -> "call".equals(e.path("type").asText())
                && method.equals(e.path("method").asText())
                && e.path("requestNo").asText("").contains(orderNo)).count();
    }

    /** The fake's latest record of the declaration under this request number, or a missing node. */
    private JsonNode fakeDeclaration(String outRequestNo) {
        JsonNode found = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (JsonNode entry : fake.ledger()) {
            if (outRequestNo.equals(entry.path("declaration").path("outRequestNo").asText())) {
                found = entry.path("declaration");
            }
        }
        return found;
    }

    private BigDecimal paidYuan(String orderNo) {
        return fake.trade(orderNo).orElseThrow().totalAmount();
    }

    private PaymentDeclaration payment(String orderNo) {
        return customs.as(() -> customs.transactions().executeRead(status ->
                context.getBean(PaymentDeclarations.class).find(shop.tenant(), orderNo))).orElseThrow();
    }

    private OrderDetails order(String orderNo) {
        return customs.as(() -> context.getBean(OrderReading.class).details(orderNo));
    }

}
