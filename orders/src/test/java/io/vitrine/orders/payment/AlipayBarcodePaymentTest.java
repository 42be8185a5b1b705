package io.vitrine.orders.payment;

import io.vitrine.kernel.money.Money;
import io.vitrine.orders.payment.PaymentTesting.Merchant;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PaymentGateway#pay} ({@code alipay.trade.pay}, a counter scanning the shopper's payment code) on the real SDK
 * against the fake gateway, whose buyers are told apart by the code's first digits (tools/fake-alipay README): 28…
 * pays at once, 25… must confirm in the app, 26… has too little money.
 */
class AlipayBarcodePaymentTest {

    private static final Merchant SHOP = PaymentTesting.merchantWithOwnApp("counter");
    private static final Merchant OTHER_SHOP = PaymentTesting.merchantWithOwnApp("other-counter");
    private static final String PAYS_AT_ONCE = "281234567890123456";
    private static final String CONFIRMS_IN_APP = "251234567890123456";
    private static final String BALANCE_TOO_LOW = "261234567890123456";

    private final PaymentGateway gateway = PaymentTesting.context().getBean(PaymentGateway.class);
    private final PaymentNotifies notifies = PaymentTesting.context().getBean(PaymentNotifies.class);
    private final FakeAlipay fake = PaymentTesting.fake();

    @AfterEach
    void clearFaults() {
        fake.faults().clear();
    }

    @Test
    void a_code_that_pays_at_once_answers_the_paid_trade_and_its_notify_follows() throws Exception {
        String orderNo = orderNo();
        Instant before = Instant.now().minusSeconds(2);

        Trade trade = gateway.pay(SHOP.tenant(), trade(orderNo, "199.00"), PAYS_AT_ONCE);

        assertThat(trade.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(trade.outTradeNo()).isEqualTo(orderNo);
        assertThat(trade.totalAmount()).isEqualTo(Money.parse("199.00"));
        assertThat(trade.paidAt()).isAfter(before);
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow()).isEqualTo(trade);
        Map<String, String> notify = nextNotifyFor(orderNo);
        VerifiedNotify verified = notifies.verify(SHOP.tenant(), notify);
        assertThat(verified.tradeNo()).isEqualTo(trade.tradeNo());
        assertThat(verified.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(fake.ledger().stream().filter(e -> "call".equals(e.path("type").asText())
                && "alipay.trade.pay".equals(e.path("method").asText())
                && orderNo.equals(e.path("outTradeNo").asText())).count()).isEqualTo(1);
    }

    @Test
    void a_shopper_who_must_confirm_leaves_the_trade_waiting_until_they_do() throws Exception {
        String orderNo = orderNo();

        Trade waiting = gateway.pay(SHOP.tenant(), trade(orderNo, "35.50"), CONFIRMS_IN_APP);

        assertThat(waiting.status()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
        assertThat(waiting.tradeNo()).isNotBlank();
        assertThat(waiting.paidAt()).isNull();
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
        // scanned again while the shopper still confirms: the same waiting trade
        assertThat(gateway.pay(SHOP.tenant(), trade(orderNo, "35.50"), CONFIRMS_IN_APP).tradeNo())
                .isEqualTo(waiting.tradeNo());

        fake.pay(orderNo); // the shopper confirms

        Trade paid = gateway.query(SHOP.tenant(), orderNo).orElseThrow();
        assertThat(paid.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(notifies.verify(SHOP.tenant(), nextNotifyFor(orderNo)).tradeNo()).isEqualTo(waiting.tradeNo());
        assertThatThrownBy(() -> gateway.pay(SHOP.tenant(), trade(orderNo, "35.50"), PAYS_AT_ONCE))
                .isInstanceOf(PaymentRefusedException.class)
                .satisfies(e -> assertThat(((PaymentRefusedException) e).providerCode()).isEqualTo("ACQ.TRADE_HAS_SUCCESS"));
    }

    @Test
    void too_little_money_or_a_malformed_code_is_refused_with_alipays_code_and_no_trade() {
        String poor = orderNo();
        assertThatThrownBy(() -> gateway.pay(SHOP.tenant(), trade(poor, "88.00"), BALANCE_TOO_LOW))
                .isInstanceOf(PaymentRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "ALIPAY_ACQ_BUYER_BALANCE_NOT_ENOUGH");
        assertThat(gateway.query(SHOP.tenant(), poor)).isEmpty();

        String malformed = orderNo();
        assertThatThrownBy(() -> gateway.pay(SHOP.tenant(), trade(malformed, "88.00"), "123456"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "ALIPAY_ACQ_PAYMENT_AUTH_CODE_INVALID");
        assertThat(fake.trade(malformed)).isEmpty();

        // the order may be charged again with another code
        assertThat(gateway.pay(SHOP.tenant(), trade(poor, "88.00"), PAYS_AT_ONCE).status())
                .isEqualTo(TradeStatus.TRADE_SUCCESS);
    }

    @Test
    void another_merchants_trade_number_is_refused_and_stays_theirs() {
        String orderNo = orderNo();
        Trade theirs = gateway.pay(SHOP.tenant(), trade(orderNo, "12.00"), CONFIRMS_IN_APP);

        assertThatThrownBy(() -> gateway.pay(OTHER_SHOP.tenant(), trade(orderNo, "12.00"), PAYS_AT_ONCE))
                .isInstanceOf(PaymentRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "ALIPAY_ACQ_TRADE_NO_EXIST_OTHER_MERCHANT");
        FakeTrade kept = fake.trade(orderNo).orElseThrow();
        assertThat(kept.tradeNo()).isEqualTo(theirs.tradeNo());
        assertThat(kept.status()).isEqualTo("WAIT_BUYER_PAY");
    }

    @Test
    void a_busy_gateway_is_retryable_and_the_retry_pays_once() throws Exception {
        String orderNo = orderNo();
        fake.faults().loseNextAnswers(1); // carried out, then the answer is lost: only a query tells

        assertThatThrownBy(() -> gateway.pay(SHOP.tenant(), trade(orderNo, "66.00"), PAYS_AT_ONCE))
                .isInstanceOf(PaymentGatewayUnavailableException.class);
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThatThrownBy(() -> gateway.pay(SHOP.tenant(), trade(orderNo, "66.00"), PAYS_AT_ONCE))
                .isInstanceOf(PaymentRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "ALIPAY_ACQ_TRADE_HAS_SUCCESS");
        assertThat(fake.trade(orderNo).orElseThrow().totalAmount()).isEqualByComparingTo("66.00");
        assertThat(notifies.verify(SHOP.tenant(), nextNotifyFor(orderNo)).totalAmount()).isEqualTo(Money.parse("66.00"));
    }

    private static Map<String, String> nextNotifyFor(String orderNo) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<Map<String, String>> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            found = PaymentTesting.inbox().stream().filter(f -> orderNo.equals(f.get("out_trade_no"))).toList();
            if (found.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(found).as("the notify for %s", orderNo).hasSize(1);
        return found.get(0);
    }

    private static TradeRequest trade(String orderNo, String amount) {
        return new TradeRequest(orderNo, Money.parse(amount), "Vitrine 门店订单 " + orderNo, Duration.ofMinutes(15));
    }

    private static String orderNo() {
        return "V" + LocalDate.now().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
