package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PaymentOutcome;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The declaration of a paid order end to end, on H2 and on MariaDB: the outbox's {@code OrderPaid} → one signed
 * CEB311 in the directory exchange's send folder (the real signer, the real DXP wrapper) → customs' receipts read
 * from its receive folder by the receipt round → the declaration and the order moved, each receipt once.
 */
abstract class DeclarationSuite {

    private static final String LISTENER = "customs.declare-paid-order";

    private DeclarationContexts.Declaring declaring;
    private ApplicationContext context;
    private OrderFixtures fixtures;
    private Shop shop;

    protected abstract DeclarationContexts.Declaring declaring();

    @BeforeEach
    void setUp() {
        declaring = declaring();
        context = declaring.context();
        fixtures = new OrderFixtures(context, declaring.fake());
        shop = fixtures.shop();
        fixtures.execute("UPDATE tenant_settings SET customs_ebc_code = ?, customs_ebc_name = ? WHERE tenant_id = ?",
                "3301964J31", "测试跨境商户", shop.tenant().value());
    }

    @Test
    void a_paid_bonded_order_is_declared_with_one_signed_ceb311_in_the_send_folder() throws Exception {
        String orderNo = paidOrder("1210");

        dispatch();

        DeclarationMessage message = onlyMessage(orderNo);
        assertThat(message.messageType()).isEqualTo("CEB311");
        assertThat(message.sentAt()).isNotNull();
        assertThat(message.signed()).isTrue();
        assertThat(sentFiles(orderNo)).containsExactly("CEB311Message_" + message.guid() + ".xml");
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(send().resolve(message.fileName())), 8 << 20);
        assertThat(sent.transInfo().copMsgId()).isEqualTo(message.guid());
        assertThat(new XmlDsigSignatureVerifier(8 << 20).verify(sent.data()).certificate())
                .isEqualTo(declaring.key().certificate());
        CebMessage<OrderDeclaration> ceb = new CebReader().read(sent.data(), MessageType.CEB311);
        assertThat(ceb.guid()).isEqualTo(message.guid());
        assertThat(ceb.body().head().orderNo()).isEqualTo(orderNo);
        assertThat(ceb.body().head().ebc().code()).isEqualTo("3301964J31");
        assertThat(message.xmlSealed()).doesNotContain("张三").startsWith("v1:");
        assertThat(fixtures.strings("SELECT xml_sealed FROM declaration_messages WHERE guid = ?", message.guid()))
                .noneMatch(stored -> stored.contains("<"));
        assertThat(declaration(orderNo).status()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);
    }

    @Test
    void the_same_order_paid_delivered_twice_still_makes_one_message_under_one_guid() throws Exception {
        String orderNo = paidOrder("9610");
        dispatch();
        DeclarationMessage first = onlyMessage(orderNo);

        deliverAgain(orderNo);

        assertThat(onlyMessage(orderNo).guid()).isEqualTo(first.guid());
        assertThat(fixtures.count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", orderNo)).isEqualTo(1);
        assertThat(sentFiles(orderNo)).containsExactly(first.fileName());
        assertThat(events(DeclarationOpened.TYPE, orderNo)).isEqualTo(1);
    }

    @Test
    void a_general_trade_order_is_never_declared() {
        String orderNo = paidOrder("GENERAL");

        dispatch();

        assertThat(fixtures.count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", orderNo)).isZero();
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void receipts_2_then_120_then_the_same_120_again_accept_the_order_leg_once() throws Exception {
        String orderNo = paidOrder("1210");
        dispatch();
        dispatch(); // the payment leg (DeclarationOpened): the whole is accepted once both legs are
        DeclarationMessage message = onlyMessage(orderNo);
        String accepted = Ids.customsGuid();

        receive(Ids.customsGuid(), message.guid(), orderNo, 2, "已发送");
        receive(accepted, message.guid(), orderNo, 120, "新增申报成功");
        receive(accepted, message.guid(), orderNo, 120, "新增申报成功");

        assertThat(round()).isEqualTo(3);
        Declaration declaration = declaration(orderNo);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(declaration.orderLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(fixtures.count("SELECT COUNT(*) FROM declaration_receipts WHERE message_guid = ?", message.guid()))
                .isEqualTo(2);
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ? "
                + "AND payload LIKE ?", DeclarationLegAccepted.TYPE, orderNo, "%\"ORDER\"%")).isEqualTo(1);
    }

    @Test
    void a_late_receipt_2_after_the_120_changes_nothing() throws Exception {
        String orderNo = paidOrder("1210");
        dispatch();
        dispatch(); // the payment leg
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, 120, "新增申报成功");
        round();
        receive(Ids.customsGuid(), message.guid(), orderNo, 2, "已发送");
        round();

        assertThat(declaration(orderNo).status()).isEqualTo(DeclarationStatus.ACCEPTED);
    }

    @Test
    void a_receipt_100_rejects_the_declaration_and_the_order_with_customs_reason() throws Exception {
        String orderNo = paidOrder("1210");
        dispatch();
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, 100, "订购人身份信息校验不通过");
        round();

        Declaration declaration = declaration(orderNo);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(declaration.rejectionReason()).isEqualTo("订购人身份信息校验不通过");
        OrderDetails order = order(orderNo);
        assertThat(order.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.history()).anyMatch(entry -> entry.to() == OrderStatus.REJECTED
                && "订购人身份信息校验不通过".equals(entry.reason()));
        DeclarationReading.Details details = as(() -> context.getBean(DeclarationReading.class).details(orderNo));
        assertThat(details.messages()).extracting(DeclarationReading.MessageSummary::status)
                .containsExactly(DeclarationStatus.REJECTED);
        assertThat(details.receipts()).extracting(RecordedReceipt::returnStatus).containsExactly(100);
        assertThat(as(() -> context.getBean(DeclarationReading.class).list(DeclarationStatus.REJECTED, orderNo)))
                .hasSize(1);
        Shop other = fixtures.shop();
        assertThatThrownBy(() -> TenantContext.callAs(other.tenant(),
                () -> context.getBean(DeclarationReading.class).details(orderNo))).isInstanceOf(NotFoundException.class);
        assertThat(TenantContext.callAs(other.tenant(),
                () -> context.getBean(DeclarationReading.class).list(null, orderNo))).isEmpty();
    }

    @Test
    void a_negative_receipt_rejects_the_declaration_with_its_return_info() throws Exception {
        String orderNo = paidOrder("1239");
        dispatch();
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, -301010, "报文格式错误：acturalPaid");
        round();

        assertThat(declaration(orderNo).rejectionReason()).isEqualTo("报文格式错误：acturalPaid");
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order(orderNo).history()).extracting(HistoryEntry::to).endsWith(OrderStatus.REJECTED);
    }

    @Test
    void an_unreadable_receipt_file_is_archived_and_moves_nothing() throws Exception {
        Files.writeString(receiveFolder().resolve("CEB312Message_garbage.xml"), "<CEB312Message><oops");
        assertThat(round()).isEqualTo(1);
        try (Stream<Path> left = Files.list(receiveFolder())) {
            assertThat(left).isEmpty();
        }
    }

    // --- helpers

    private String paidOrder(String tradeMode) {
        String sku = fixtures.product(shop, 29900, tradeMode, OrderFixtures.LISTED_HS_CODE, 5);
        Carts carts = context.getBean(Carts.class);
        String cartId = as(() -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.ONE);
            return id;
        });
        Order placed = as(() -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, shop.store(),
                new CheckoutFacts.Buyer("张三", TestBuyers.newBuyer().value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/")))).order();
        // paid at the fake for real: the payment leg declares the fake's trade
        String tradeNo = declaring.fake().pay(placed.orderNo()).trade().tradeNo();
        PaymentOutcome outcome = as(() -> context.getBean(OrderPayments.class).pay(new PaymentFacts(placed.orderNo(),
                tradeNo, placed.amounts().total(), TradeStatus.TRADE_SUCCESS, null)));
        assertThat(outcome).isEqualTo(PaymentOutcome.PAID);
        return placed.orderNo();
    }

    private long events(String type, String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?", type,
                orderNo);
    }

    private void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    private int round() {
        return context.getBean(ReceiptIntake.class).round().orElseThrow();
    }

    /** The OrderPaid of the order handed to the listener again, as a redelivery would. */
    private void deliverAgain(String orderNo) {
        String id = fixtures.strings("SELECT id FROM outbox_events WHERE event_type = ? AND business_key = ?",
                OrderPaid.TYPE, orderNo).get(0);
        String payload = fixtures.strings("SELECT payload FROM outbox_events WHERE id = ?", id).get(0);
        DeliveredEvent event = new DeliveredEvent(id, OrderPaid.TYPE, shop.tenant(), orderNo, Instant.now(), payload,
                2, context.getBean(JsonMapper.class));
        var listener = context.getBean(OutboxListeners.class).named(LISTENER).orElseThrow();
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        as(() -> transactions.executeWrite(status -> {
            listener.on(event);
            return null;
        }));
    }

    private void receive(String receiptGuid, String answeredGuid, String orderNo, int status, String info)
            throws IOException {
        DeclarationReceipt receipt = new DeclarationReceipt(answeredGuid, null, "3301960VT1", "3301964J31", null,
                orderNo, null, null, null, status, Instant.now(), info);
        byte[] xml = new CebWriter().write(new CebMessage<>(MessageType.CEB312, receiptGuid, List.of(receipt), null));
        Files.write(receiveFolder().resolve("CEB312Message_" + receiptGuid + "_" + System.nanoTime() + ".xml"), xml);
    }

    private DeclarationMessage onlyMessage(String orderNo) {
        List<DeclarationMessage> messages = as(() -> read(store -> store.messages(shop.tenant(), orderNo)));
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private Declaration declaration(String orderNo) {
        return as(() -> read(store -> store.find(shop.tenant(), orderNo))).orElseThrow();
    }

    private OrderDetails order(String orderNo) {
        return as(() -> context.getBean(OrderReading.class).details(orderNo));
    }

    private <T> T read(java.util.function.Function<DeclarationStore, T> query) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        DeclarationStore store = context.getBean(DeclarationStore.class);
        return transactions.executeRead(status -> query.apply(store));
    }

    private List<String> sentFiles(String orderNo) throws IOException {
        List<String> guids = fixtures.strings("SELECT guid FROM declaration_messages WHERE order_no = ?", orderNo);
        try (Stream<Path> files = Files.list(send())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> guids.stream().anyMatch(name::contains)).toList();
        }
    }

    private Path send() {
        return declaring.exchange().resolve("send");
    }

    private Path receiveFolder() throws IOException {
        return Files.createDirectories(declaring.exchange().resolve("receive"));
    }

    private <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
