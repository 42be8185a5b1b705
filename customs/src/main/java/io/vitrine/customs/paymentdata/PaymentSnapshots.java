package io.vitrine.customs.paymentdata;

import io.micronaut.context.annotation.Value;
import io.vitrine.customs.declaration.DeclaringParties;
import io.vitrine.customs.declaration.PaymentDeclaration;
import io.vitrine.customs.declaration.PaymentDeclarations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.DeclarationParticulars;
import io.vitrine.orders.ordering.DeclarationParticulars.Particulars;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The unsigned payment snapshot of a paid order, in the current tenant: the transaction as the payment leg recorded
 * it (Alipay's pay code, transaction id and verifying body from {@code alipay.trade.customs.declare}; before the leg
 * has them, the configured payment company, the order's trade number and "other"), the amount and time paid, the
 * goods as sold (snapshot names, a link to each product page) and the shop that received the money.
 */
@Singleton
class PaymentSnapshots {

    private static final DateTimeFormatter TRADING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final DeclarationParticulars particulars;
    private final PaymentDeclarations payments;
    private final DeclaringParties parties;
    private final Settings settings;
    private final String itemLink;

    PaymentSnapshots(DeclarationParticulars particulars, PaymentDeclarations payments, DeclaringParties parties,
                     Settings settings,
                     @Value("${vitrine.customs.payment-data.item-link:https://shop.example.cn/{store}/products/{sku}}")
                     String itemLink) {
        this.particulars = particulars;
        this.payments = payments;
        this.parties = parties;
        this.settings = settings;
        this.itemLink = itemLink;
    }

    /** The head and the order's list entry, unsigned. */
    record Snapshot(PayExInfo.Head head, List<PayExInfo.Item> items) {
    }

    /** @throws IllegalStateException when the order is not paid */
    Snapshot of(TenantId tenant, String orderNo, String guid) {
        Particulars p = particulars.of(orderNo);
        return new Snapshot(head(tenant, p.order(), guid), items(p));
    }

    private PayExInfo.Head head(TenantId tenant, Order order, String guid) {
        String orderNo = order.orderNo();
        if (order.paidAt() == null || order.paidAmount() == null || order.tradeNo() == null) {
            throw new IllegalStateException("order " + orderNo + " is not paid: no payment data to give customs");
        }
        // a leg refused or not yet answered has no code, transaction or verifying body: Optional.map gives empty
        Optional<PaymentDeclaration> leg = payments.find(tenant, orderNo);
        String payCode = leg.map(PaymentDeclaration::payCode).orElse(parties.paymentCompany().code());
        String transaction = leg.map(PaymentDeclaration::payTransactionId).orElse(order.tradeNo());
        String verDept = leg.map(PaymentDeclaration::verDept).orElse(PayExInfo.VER_DEPT_OTHER);
        BigDecimal paid = BigDecimal.valueOf(order.paidAmount().fen(), 2);
        String tradingTime = TRADING_TIME.format(order.paidAt().atZone(ChinaTime.ZONE));
        String request = "alipay " + order.payMethod().alipayMethod() + " out_trade_no=" + order.orderNo()
                + " total_amount=" + paid.toPlainString();
        String response = "trade_no=" + order.tradeNo() + " trade_status=TRADE_SUCCESS total_amount="
                + paid.toPlainString() + " gmt_payment=" + tradingTime;
        return new PayExInfo.Head(guid, request, response, parties.platform().code(), payCode, transaction, paid,
                PayExInfo.CURRENCY_CNY, verDept, order.payMethod() == PayMethod.ALIPAY_QR ? "3" : "4", tradingTime, "");
    }

    private List<PayExInfo.Item> items(Particulars p) {
        String orderNo = p.order().orderNo();
        TenantSettings shop = settings.current();
        List<PayExInfo.Goods> goods = p.lines().stream()
                .map(line -> new PayExInfo.Goods(line.nameZh(), link(p.order(), line))).toList();
        String shopName = shop.customsEbcName() == null ? "" : shop.customsEbcName();
        String account = shop.alipayAppId() != null ? shop.alipayAppId()
                : shop.customsEbcCode() == null ? "" : shop.customsEbcCode();
        return List.of(new PayExInfo.Item(orderNo, goods, account,
                shop.customsEbcCode() == null ? "" : shop.customsEbcCode(), shopName));
    }

    private String link(Order order, OrderLine line) {
        return itemLink.replace("{store}", URLEncoder.encode(order.storeCode(), StandardCharsets.UTF_8))
                .replace("{sku}", URLEncoder.encode(line.sku(), StandardCharsets.UTF_8));
    }
}
