package io.vitrine.orders.payment;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.payment.PaymentTesting.Merchant;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.FakeTrade;
import io.vitrine.tools.fakealipay.RsaKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Alipay adapter on the real SDK against the fake gateway: every call below is signed by the SDK with
 * the merchant's private key and verified by the fake, and every answer is signed by the fake and verified
 * by the SDK.
 */
class AlipayPaymentGatewayContractTest {

    private static final Merchant SHOP = PaymentTesting.merchantWithOwnApp("shop");
    private static final Merchant OTHER_SHOP = PaymentTesting.merchantWithOwnApp("other");

    private final PaymentGateway gateway = PaymentTesting.context().getBean(PaymentGateway.class);
    private final PaymentNotifies notifies = PaymentTesting.context().getBean(PaymentNotifies.class);
    private final FakeAlipay fake = PaymentTesting.fake();

    @AfterEach
    void clearFaults() {
        fake.faults().clear();
    }

    @Test
    void precreate_answers_a_qr_code_for_a_trade_waiting_for_payment() {
        String orderNo = orderNo();
        QrCode qr = gateway.precreate(SHOP.tenant(), trade(orderNo, "88.80"));

        assertThat(qr.content()).startsWith(fake.baseUrl().toString()).contains(orderNo);
        Trade trade = gateway.query(SHOP.tenant(), orderNo).orElseThrow();
        assertThat(trade.status()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
        assertThat(trade.totalAmount()).isEqualTo(Money.parse("88.80"));
        assertThat(trade.paidAt()).isNull();
    }

    @Test
    void precreate_again_after_a_lost_answer_answers_the_same_trade() {
        String orderNo = orderNo();
        QrCode first = gateway.precreate(SHOP.tenant(), trade(orderNo, "10.00"));
        QrCode again = gateway.precreate(SHOP.tenant(), trade(orderNo, "10.00"));

        assertThat(again).isEqualTo(first);
        assertThat(fake.trade(orderNo).orElseThrow().tradeNo()).isNotBlank();
    }

    @Test
    void paying_sends_a_notify_that_verifies_with_the_tenants_alipay_public_key() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "123.45"));

        FakeAlipay.Payment payment = fake.pay(orderNo);

        assertThat(payment.notifies()).hasSize(1);
        assertThat(payment.notifies().get(0).acknowledged()).isTrue();
        VerifiedNotify notify = notifies.verify(SHOP.tenant(), notifyFor(orderNo));
        Trade trade = gateway.query(SHOP.tenant(), orderNo).orElseThrow();
        assertThat(notify.outTradeNo()).isEqualTo(orderNo);
        assertThat(notify.tradeNo()).isEqualTo(trade.tradeNo());
        assertThat(notify.totalAmount()).isEqualTo(Money.parse("123.45"));
        assertThat(notify.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(notify.paidAt()).isNotNull().isEqualTo(trade.paidAt());
        assertThat(trade.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(ChinaTime.dateOf(trade.paidAt()).toString()).isEqualTo(payment.trade().paidAt().substring(0, 10));
    }

    @Test
    void a_notify_with_a_changed_field_an_unknown_signer_or_no_signature_is_rejected() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "50.00"));
        fake.pay(orderNo);
        Map<String, String> genuine = notifyFor(orderNo);

        Map<String, String> changedAmount = new HashMap<>(genuine);
        changedAmount.put("total_amount", "0.01");
        Map<String, String> unsigned = new HashMap<>(genuine);
        unsigned.remove("sign");
        Map<String, String> forged = new HashMap<>(genuine);
        forged.put("sign", RsaKeys.sign(signedContent(forged), RsaKeys.generate().getPrivate()));
        Map<String, String> garbage = new HashMap<>(genuine);
        garbage.put("sign", "not base64 at all");

        for (Map<String, String> bad : List.of(changedAmount, unsigned, forged, garbage)) {
            assertThatThrownBy(() -> notifies.verify(SHOP.tenant(), bad)).isInstanceOf(NotifyRejectedException.class);
        }
        assertThat(notifies.verify(SHOP.tenant(), genuine).outTradeNo()).isEqualTo(orderNo);
    }

    @Test
    void a_genuine_notify_for_another_tenants_app_is_rejected() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "50.00"));
        fake.pay(orderNo);

        // signed by the same Alipay key both tenants trust, but for SHOP's app
        assertThatThrownBy(() -> notifies.verify(OTHER_SHOP.tenant(), notifyFor(orderNo)))
                .isInstanceOf(NotifyRejectedException.class).hasMessageContaining("another Alipay app");
    }

    @Test
    void a_duplicated_notify_carries_the_same_notify_id_and_a_wrong_amount_one_says_so() {
        String duplicated = orderNo();
        gateway.precreate(SHOP.tenant(), trade(duplicated, "20.00"));
        fake.faults().duplicateNextNotifies(1);
        assertThat(fake.pay(duplicated).notifies()).hasSize(2);
        List<Map<String, String>> twice = notifiesFor(duplicated);
        assertThat(twice).hasSize(2);
        assertThat(notifies.verify(SHOP.tenant(), twice.get(0))).isEqualTo(notifies.verify(SHOP.tenant(), twice.get(1)));

        String wrongAmount = orderNo();
        gateway.precreate(SHOP.tenant(), trade(wrongAmount, "20.00"));
        fake.faults().wrongAmountInNextNotify(new BigDecimal("0.01"));
        fake.pay(wrongAmount);
        // genuinely signed: the verifier passes it on, and the order comparison must refuse it
        assertThat(notifies.verify(SHOP.tenant(), notifyFor(wrongAmount)).totalAmount()).isEqualTo(Money.ofFen(1));
        assertThat(gateway.query(SHOP.tenant(), wrongAmount).orElseThrow().totalAmount()).isEqualTo(Money.parse("20.00"));
    }

    @Test
    void a_lost_notify_leaves_the_payment_visible_to_a_query() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "9.90"));
        fake.faults().dropNextNotifies(1);

        assertThat(fake.pay(orderNo).notifies()).isEmpty();
        assertThat(notifiesFor(orderNo)).isEmpty();
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status().isPaid()).isTrue();
    }

    @Test
    void a_trade_alipay_never_saw_queries_as_empty_and_closes_as_a_no_op() {
        String orderNo = orderNo();
        assertThat(gateway.query(SHOP.tenant(), orderNo)).isEmpty();
        gateway.close(SHOP.tenant(), orderNo);
        assertThat(fake.trade(orderNo)).isEmpty();
    }

    @Test
    void another_tenant_cannot_see_or_close_a_trade() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "5.00"));

        assertThat(gateway.query(OTHER_SHOP.tenant(), orderNo)).isEmpty();
        gateway.close(OTHER_SHOP.tenant(), orderNo);
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
    }

    @Test
    void a_closed_trade_cannot_be_paid_and_a_paid_trade_cannot_be_closed() {
        String unpaid = orderNo();
        gateway.precreate(SHOP.tenant(), trade(unpaid, "15.00"));
        gateway.close(SHOP.tenant(), unpaid);
        gateway.close(SHOP.tenant(), unpaid);
        assertThat(gateway.query(SHOP.tenant(), unpaid).orElseThrow().status()).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThatThrownBy(() -> fake.pay(unpaid)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gateway.precreate(SHOP.tenant(), trade(unpaid, "15.00")))
                .isInstanceOf(PaymentRefusedException.class)
                .satisfies(e -> assertThat(((PaymentRefusedException) e).code()).isEqualTo("ALIPAY_ACQ_TRADE_HAS_CLOSE"));

        String paid = orderNo();
        gateway.precreate(SHOP.tenant(), trade(paid, "15.00"));
        fake.pay(paid);
        assertThatThrownBy(() -> gateway.close(SHOP.tenant(), paid))
                .isInstanceOf(PaymentRefusedException.class)
                .satisfies(e -> assertThat(((PaymentRefusedException) e).code()).isEqualTo("ALIPAY_ACQ_TRADE_STATUS_ERROR"));
    }

    @Test
    void partial_refunds_add_up_a_repeated_request_refunds_nothing_more_and_no_refund_exceeds_the_payment() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "100.00"));
        fake.pay(orderNo);

        RefundResult first = gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R1", Money.parse("30.00"), "one item returned"));
        RefundResult repeated = gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R1", Money.parse("30.00"), "one item returned"));
        assertThat(first.refundedTotal()).isEqualTo(Money.parse("30.00"));
        assertThat(first.fundChanged()).isTrue();
        assertThat(repeated.refundedTotal()).isEqualTo(Money.parse("30.00"));
        assertThat(repeated.fundChanged()).isFalse();

        assertThatThrownBy(() -> gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R2", Money.parse("70.01"), null)))
                .isInstanceOf(PaymentRefusedException.class)
                .satisfies(e -> assertThat(((PaymentRefusedException) e).providerCode()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"));
        RefundResult rest = gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R3", Money.parse("70.00"), null));
        assertThat(rest.refundedTotal()).isEqualTo(Money.parse("100.00"));
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status()).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(fake.trade(orderNo).orElseThrow().refunds()).hasSize(2);
    }

    @Test
    void refunding_an_unpaid_trade_is_refused() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "10.00"));

        assertThatThrownBy(() -> gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R1", Money.parse("1.00"), null)))
                .isInstanceOf(PaymentRefusedException.class);
        assertThat(fake.trade(orderNo).orElseThrow().refunds()).isEmpty();
    }

    @Test
    void the_payment_is_declared_to_customs_once_per_request_number_and_the_declarations_can_be_queried() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "268.00"));
        String tradeNo = fake.pay(orderNo).trade().tradeNo();
        String requestNo = "D" + orderNo.substring(1, 20);
        CustomsDeclarationRequest request = new CustomsDeclarationRequest(requestNo, tradeNo, "3301960ABC",
                "杭州测试跨境电商有限公司", Money.parse("268.00"), "HANGZHOU_ZONGSHU",
                new CustomsDeclarationRequest.Buyer("张三", "11010519491231002X"), false, null);

        CustomsDeclaration declared = gateway.declareToCustoms(SHOP.tenant(), request);
        CustomsDeclaration again = gateway.declareToCustoms(SHOP.tenant(), request);

        assertThat(declared.alipayDeclareNo()).isNotBlank();
        assertThat(declared.payTransactionId()).isEqualTo(tradeNo);
        assertThat(declared.payCode()).isNotBlank();
        assertThat(declared.identityMatched()).isTrue();
        assertThat(declared.totalAmount()).isEqualTo(Money.parse("268.00"));
        assertThat(again.alipayDeclareNo()).isEqualTo(declared.alipayDeclareNo());

        CustomsDeclarationQuery query = gateway.queryCustomsDeclarations(SHOP.tenant(), List.of(requestNo, "NOSUCH0001"));
        assertThat(query.declarations()).singleElement().satisfies(d -> {
            assertThat(d.outRequestNo()).isEqualTo(requestNo);
            assertThat(d.tradeNo()).isEqualTo(tradeNo);
            assertThat(d.amount()).isEqualTo(Money.parse("268.00"));
            assertThat(d.alipayDeclareNo()).isEqualTo(declared.alipayDeclareNo());
        });
        assertThat(query.notFound()).containsExactly("NOSUCH0001");
    }

    @Test
    void a_payer_who_is_not_the_buyer_fails_the_identity_check_and_the_query_says_fail() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "99.00"));
        String tradeNo = fake.pay(orderNo).trade().tradeNo();
        String requestNo = "D" + orderNo.substring(1, 20);

        CustomsDeclaration declared = gateway.declareToCustoms(SHOP.tenant(), new CustomsDeclarationRequest(requestNo,
                tradeNo, "3301960ABC", "杭州测试", Money.parse("99.00"), "HANGZHOU_ZONGSHU",
                new CustomsDeclarationRequest.Buyer("Li Mismatch", "11010519491231002X"), false, null));

        assertThat(declared.identityMatched()).isFalse();
        assertThat(gateway.queryCustomsDeclarations(SHOP.tenant(), List.of(requestNo)).declarations())
                .singleElement().satisfies(d -> {
                    assertThat(d.status()).isEqualTo("fail");
                    assertThat(d.customsResultInfo()).isNotBlank();
                });
    }

    @Test
    void a_declaration_whose_answer_was_lost_is_made_once_and_found_by_the_query() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "50.00"));
        String tradeNo = fake.pay(orderNo).trade().tradeNo();
        String requestNo = "D" + orderNo.substring(1, 20);
        fake.faults().loseNextAnswers(1);

        assertThatThrownBy(() -> gateway.declareToCustoms(SHOP.tenant(), new CustomsDeclarationRequest(requestNo,
                tradeNo, "3301960ABC", "杭州测试", Money.parse("50.00"), "HANGZHOU_ZONGSHU",
                new CustomsDeclarationRequest.Buyer("张三", "11010519491231002X"), false, null)))
                .isInstanceOf(PaymentGatewayUnavailableException.class);

        assertThat(gateway.queryCustomsDeclarations(SHOP.tenant(), List.of(requestNo)).declarations())
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("succ"));
    }

    @Test
    void declaring_more_than_was_paid_is_refused() {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "10.00"));
        String tradeNo = fake.pay(orderNo).trade().tradeNo();

        assertThatThrownBy(() -> gateway.declareToCustoms(SHOP.tenant(), new CustomsDeclarationRequest("D" + orderNo.substring(1, 20),
                tradeNo, "3301960ABC", "杭州测试", Money.parse("10.01"), "HANGZHOU_ZONGSHU", null, false, null)))
                .isInstanceOf(PaymentRefusedException.class);
    }

    @Test
    void the_days_bill_lists_payments_and_refunds_of_the_tenants_app() throws Exception {
        String orderNo = orderNo();
        gateway.precreate(SHOP.tenant(), trade(orderNo, "77.70"));
        String tradeNo = fake.pay(orderNo).trade().tradeNo();
        gateway.refund(SHOP.tenant(), new RefundRequest(orderNo, orderNo + "-R1", Money.parse("7.70"), null));
        String otherOrder = orderNo();
        gateway.precreate(OTHER_SHOP.tenant(), trade(otherOrder, "1.00"));
        fake.pay(otherOrder);

        URI url = gateway.billDownloadUrl(SHOP.tenant(), ChinaTime.today(Clock.systemUTC()));
        String csv = unzipSingleCsv(HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), Charset.forName("GBK"));

        assertThat(csv).startsWith("#支付宝业务明细查询");
        assertThat(csv.lines().filter(l -> l.startsWith(tradeNo + "," + orderNo + ",交易,")).toList())
                .singleElement().satisfies(l -> assertThat(l).contains(",77.70,"));
        assertThat(csv.lines().filter(l -> l.startsWith(tradeNo + "," + orderNo + ",退款,")).toList())
                .singleElement().satisfies(l -> assertThat(l).contains(",-7.70,").contains(orderNo + "-R1"));
        assertThat(csv).doesNotContain(otherOrder);
    }

    @Test
    void a_phone_is_sent_to_a_signed_cashier_page_the_gateway_accepts() throws Exception {
        String orderNo = orderNo();
        WapPayment wap = gateway.wapPay(SHOP.tenant(), trade(orderNo, "33.30"), URI.create("https://shop.example/orders/" + orderNo));

        assertThat(wap.redirectUrl().toString()).startsWith(fake.gatewayUrl().toString());
        assertThat(wap.autoSubmitForm()).contains("<form").contains(fake.gatewayUrl().toString());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(wap.redirectUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("¥33.30");
        FakeTrade trade = fake.trade(orderNo).orElseThrow();
        assertThat(trade.returnUrl()).isEqualTo("https://shop.example/orders/" + orderNo);

        String tampered = wap.redirectUrl().toString().replace("33.30", "0.01");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("isv.invalid-signature");

        // the cashier's pay button (the shopper's phone in the sandbox): paid, notified, sent back to the shop
        HttpResponse<String> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        fake.baseUrl().resolve("/cashier/" + orderNo + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(paid.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://shop.example/orders/" + orderNo + "?out_trade_no=" + orderNo));
        assertThat(notifies.verify(SHOP.tenant(), notifyFor(orderNo)).totalAmount()).isEqualTo(Money.parse("33.30"));
        assertThat(gateway.query(SHOP.tenant(), orderNo).orElseThrow().status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
    }

    @Test
    void a_busy_unreachable_or_slow_gateway_is_reported_as_retryable_and_the_retry_succeeds() {
        String orderNo = orderNo();
        TradeRequest request = trade(orderNo, "12.00");

        fake.faults().failNext(1);
        assertThatThrownBy(() -> gateway.precreate(SHOP.tenant(), request)).isInstanceOf(PaymentGatewayUnavailableException.class);
        fake.faults().unreachableNext(1);
        assertThatThrownBy(() -> gateway.precreate(SHOP.tenant(), request)).isInstanceOf(PaymentGatewayUnavailableException.class);
        fake.faults().delayNext(1, Duration.ofSeconds(4)); // past the 2 s read timeout of the test context
        assertThatThrownBy(() -> gateway.precreate(SHOP.tenant(), request)).isInstanceOf(PaymentGatewayUnavailableException.class);

        QrCode qr = gateway.precreate(SHOP.tenant(), request);
        assertThat(qr.outTradeNo()).isEqualTo(orderNo);
        assertThat(fake.trade(orderNo).orElseThrow().totalAmount()).isEqualByComparingTo("12.00");
    }

    @Test
    void an_answer_not_signed_by_the_key_the_tenant_trusts_is_not_believed() {
        TenantId tenant = TenantId.of("distrust-" + UUID.randomUUID().toString().substring(0, 8));
        var keys = RsaKeys.generate();
        String appId = "2021000000777" + (100 + (int) (Math.random() * 899));
        fake.registerApp(appId, RsaKeys.publicKeyText(keys));
        PaymentTesting.saveAlipaySettings(tenant, appId, RsaKeys.privateKeyText(keys),
                RsaKeys.publicKeyText(RsaKeys.generate()), null);

        assertThatThrownBy(() -> gateway.precreate(tenant, trade(orderNo(), "1.00")))
                .isInstanceOf(PaymentGatewayUnavailableException.class);
    }

    @Test
    void a_tenant_without_an_alipay_app_cannot_take_payments() {
        TenantId tenant = TenantId.of("noalipay-" + UUID.randomUUID().toString().substring(0, 8));

        assertThatThrownBy(() -> gateway.precreate(tenant, trade(orderNo(), "1.00")))
                .isInstanceOf(AlipayNotConfiguredException.class)
                .satisfies(e -> assertThat(((AlipayNotConfiguredException) e).code()).isEqualTo("ALIPAY_NOT_CONFIGURED"));
    }

    @Test
    void replaced_keys_take_effect_at_the_next_call() {
        Merchant merchant = PaymentTesting.merchantWithOwnApp("rotating");
        gateway.precreate(merchant.tenant(), trade(orderNo(), "1.00"));
        var newKeys = RsaKeys.generate();
        PaymentTesting.saveAlipaySettings(merchant.tenant(), merchant.appId(), RsaKeys.privateKeyText(newKeys),
                fake.alipayPublicKey(), null);

        // the gateway still only knows the old public key: the new client's signature is refused
        assertThatThrownBy(() -> gateway.precreate(merchant.tenant(), trade(orderNo(), "1.00")))
                .isInstanceOf(PaymentRefusedException.class)
                .satisfies(e -> assertThat(((PaymentRefusedException) e).providerCode()).isEqualTo("isv.invalid-signature"));
        fake.registerApp(merchant.appId(), RsaKeys.publicKeyText(newKeys));
        assertThat(gateway.precreate(merchant.tenant(), trade(orderNo(), "1.00")).content()).isNotBlank();
    }

    @Test
    void through_the_isv_app_the_trade_is_the_merchants_and_its_notify_verifies() throws Exception {
        Merchant merchant = PaymentTesting.merchantThroughIsv("isv");
        String orderNo = orderNo();
        gateway.precreate(merchant.tenant(), trade(orderNo, "45.00"));

        assertThat(fake.trade(orderNo).orElseThrow().appId()).isEqualTo(merchant.appId());
        fake.pay(orderNo);
        Map<String, String> form = notifyFor(orderNo);
        assertThat(form).containsEntry("app_id", PaymentTesting.ISV_APP_ID).containsEntry("auth_app_id", merchant.appId());
        assertThat(notifies.verify(merchant.tenant(), form).totalAmount()).isEqualTo(Money.parse("45.00"));
        assertThatThrownBy(() -> notifies.verify(SHOP.tenant(), form)).isInstanceOf(NotifyRejectedException.class);
        assertThat(gateway.query(SHOP.tenant(), orderNo)).isEmpty();

        String phoneOrder = orderNo();
        WapPayment wap = gateway.wapPay(merchant.tenant(), trade(phoneOrder, "46.00"), URI.create("https://shop.example/done"));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(wap.redirectUrl()).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("¥46.00");
        assertThat(fake.trade(phoneOrder).orElseThrow().appId()).isEqualTo(merchant.appId());
    }

    private static TradeRequest trade(String orderNo, String amount) {
        return new TradeRequest(orderNo, Money.parse(amount), "Vitrine 跨境订单 " + orderNo, Duration.ofMinutes(15));
    }

    private static String orderNo() {
        return "V" + LocalDate.now().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private static Map<String, String> notifyFor(String orderNo) {
        List<Map<String, String>> found = notifiesFor(orderNo);
        assertThat(found).as("notifies for %s", orderNo).hasSize(1);
        return found.get(0);
    }

    private static List<Map<String, String>> notifiesFor(String orderNo) {
        return PaymentTesting.inbox().stream().filter(f -> orderNo.equals(f.get("out_trade_no"))).toList();
    }

    private static String signedContent(Map<String, String> form) {
        return new TreeMap<>(form).entrySet().stream().filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String unzipSingleCsv(byte[] zip, Charset charset) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), charset)) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry).isNotNull();
            assertThat(entry.getName()).endsWith("_业务明细.csv");
            return new String(in.readAllBytes(), charset);
        }
    }
}
