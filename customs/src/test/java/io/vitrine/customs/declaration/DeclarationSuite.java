package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.customs.messages.Clearance;
import io.vitrine.customs.messages.Declarations;
import io.vitrine.customs.messages.Party;
import io.vitrine.customs.messages.Shipment;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PaymentOutcome;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
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

    private final DeclaringShop customs = new DeclaringShop(declaring());
    private final ApplicationContext context = customs.context();
    private final OrderFixtures fixtures = customs.fixtures();
    private final Shop shop = customs.shop();

    protected abstract DeclarationContexts.Declaring declaring();

    @Test
    void a_paid_bonded_order_is_declared_with_one_signed_ceb311_in_the_send_folder() throws Exception {
        String orderNo = paidOrder("1210");

        customs.dispatch();

        DeclarationMessage message = onlyMessage(orderNo);
        assertThat(message.messageType()).isEqualTo("CEB311");
        assertThat(message.sentAt()).isNotNull();
        assertThat(message.signed()).isTrue();
        assertThat(customs.sentFiles(orderNo)).containsExactly("CEB311Message_" + message.guid() + ".xml");
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(message.fileName())), 8 << 20);
        assertThat(sent.transInfo().copMsgId()).isEqualTo(message.guid());
        assertThat(new XmlDsigSignatureVerifier(8 << 20).verify(sent.data()).certificate())
                .isEqualTo(customs.declaring().key().certificate());
        CebMessage<OrderDeclaration> ceb = new CebReader().read(sent.data(), MessageType.CEB311);
        assertThat(ceb.guid()).isEqualTo(message.guid());
        assertThat(ceb.body().head().orderNo()).isEqualTo(orderNo);
        assertThat(ceb.body().head().ebc().code()).isEqualTo("3301964J31");
        assertThat(message.xmlSealed()).doesNotContain("张三").startsWith("v1:");
        assertThat(fixtures.strings("SELECT xml_sealed FROM declaration_messages WHERE guid = ?", message.guid()))
                .noneMatch(stored -> stored.contains("<"));
        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);
    }

    @Test
    void the_same_order_paid_delivered_twice_still_makes_one_message_under_one_guid() throws Exception {
        String orderNo = paidOrder("9610");
        customs.dispatch();
        DeclarationMessage first = onlyMessage(orderNo);

        customs.deliverAgain(LISTENER, OrderPaid.TYPE, orderNo);

        assertThat(onlyMessage(orderNo).guid()).isEqualTo(first.guid());
        assertThat(fixtures.count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", orderNo)).isEqualTo(1);
        assertThat(customs.sentFiles(orderNo)).containsExactly(first.fileName());
        assertThat(events(DeclarationOpened.TYPE, orderNo)).isEqualTo(1);
    }

    @Test
    void a_general_trade_order_is_never_declared() {
        String orderNo = paidOrder("GENERAL");

        customs.dispatch();

        assertThat(fixtures.count("SELECT COUNT(*) FROM declarations WHERE order_no = ?", orderNo)).isZero();
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void receipts_2_then_120_then_the_same_120_again_accept_the_order_leg_once() throws Exception {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        customs.dispatch(); // the payment leg (DeclarationOpened): the whole is accepted once both legs are
        DeclarationMessage message = onlyMessage(orderNo);
        String accepted = Ids.customsGuid();

        receive(Ids.customsGuid(), message.guid(), orderNo, 2, "已发送");
        receive(accepted, message.guid(), orderNo, 120, "新增申报成功");
        receive(accepted, message.guid(), orderNo, 120, "新增申报成功");

        assertThat(customs.round()).isEqualTo(3);
        Declaration declaration = customs.declaration(orderNo);
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
        customs.dispatch();
        customs.dispatch(); // the payment leg
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, 120, "新增申报成功");
        customs.round();
        receive(Ids.customsGuid(), message.guid(), orderNo, 2, "已发送");
        customs.round();

        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.ACCEPTED);
    }

    @Test
    void a_receipt_100_rejects_the_declaration_and_the_order_with_customs_reason() throws Exception {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, 100, "订购人身份信息校验不通过");
        customs.round();

        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(declaration.rejectionReason()).isEqualTo("订购人身份信息校验不通过");
        OrderDetails order = order(orderNo);
        assertThat(order.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.history()).anyMatch(entry -> entry.to() == OrderStatus.REJECTED
                && "订购人身份信息校验不通过".equals(entry.reason()));
        DeclarationReading.Details details = customs.as(() -> context.getBean(DeclarationReading.class).details(orderNo));
        assertThat(details.messages()).extracting(DeclarationReading.MessageSummary::status)
                .containsExactly(DeclarationStatus.REJECTED);
        assertThat(details.receipts()).extracting(RecordedReceipt::returnStatus).containsExactly(100);
        assertThat(customs.as(() -> context.getBean(DeclarationReading.class).list(DeclarationStatus.REJECTED, orderNo)))
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
        customs.dispatch();
        DeclarationMessage message = onlyMessage(orderNo);

        receive(Ids.customsGuid(), message.guid(), orderNo, -301010, "报文格式错误：acturalPaid");
        customs.round();

        assertThat(customs.declaration(orderNo).rejectionReason()).isEqualTo("报文格式错误：acturalPaid");
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order(orderNo).history()).extracting(HistoryEntry::to).endsWith(OrderStatus.REJECTED);
    }

    @Test
    void an_unreadable_receipt_file_is_archived_and_moves_nothing() throws Exception {
        Files.writeString(customs.receiveFolder().resolve("CEB312Message_garbage.xml"), "<CEB312Message><oops");
        assertThat(customs.round()).isEqualTo(1);
        try (Stream<Path> left = Files.list(customs.receiveFolder())) {
            assertThat(left).isEmpty();
        }
    }

    // --- corrections and cancellation (issue #6)

    @Test
    void a_rejected_order_leg_is_resubmitted_corrected_as_a_new_ceb311_with_app_type_2() throws Exception {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        DeclarationMessage first = onlyMessage(orderNo);
        receive(Ids.customsGuid(), first.guid(), orderNo, 100, "收货人电话不符");
        customs.round();

        Declaration resubmitted = customs.as(() -> resubmission().resubmit(orderNo, new Correction(
                new PlaceOrder.Consignee("李四", "13900139000", "440305", "广东省深圳市南山区科技园2号"),
                "phone fixed"), "staff-1"));

        assertThat(resubmitted.status()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(resubmitted.orderLeg()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(resubmitted.rejectionReason()).isNull();
        List<DeclarationMessage> messages = customs.messages(orderNo);
        assertThat(messages).extracting(DeclarationMessage::appType).containsExactly("1", "2");
        DeclarationMessage corrected = messages.get(1);
        assertThat(corrected.guid()).isNotEqualTo(first.guid());
        assertThat(corrected.sentAt()).isNotNull();
        assertThat(customs.sentFiles(orderNo)).containsExactlyInAnyOrder(first.fileName(), corrected.fileName());
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(corrected.fileName())), 8 << 20);
        CebMessage<OrderDeclaration> ceb = new CebReader().read(sent.data(), MessageType.CEB311);
        assertThat(ceb.guid()).isEqualTo(corrected.guid());
        assertThat(ceb.body().head().app().appType().code()).isEqualTo("2");
        assertThat(ceb.body().head().consignee()).isEqualTo("李四");
        assertThat(ceb.body().head().consigneeTelephone()).isEqualTo("13900139000");
        assertThat(ceb.body().head().buyerName()).isEqualTo("张三");
        OrderDetails order = order(orderNo);
        assertThat(order.order().status()).isEqualTo(OrderStatus.DECLARING);
        assertThat(order.history()).extracting(HistoryEntry::reason)
                .contains("consignee corrected (name, phone, address)", "declaration resubmitted (order leg): phone fixed");
        assertThat(fixtures.strings("SELECT consignee_name FROM orders WHERE order_no = ?", orderNo))
                .noneMatch(stored -> stored.contains("李四"));

        receive(Ids.customsGuid(), corrected.guid(), orderNo, 120, "新增申报成功");
        customs.round();
        assertThat(customs.declaration(orderNo).orderLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
    }

    @Test
    void resubmitting_twice_sends_one_corrected_message_and_the_second_is_a_conflict_naming_the_status()
            throws Exception {
        String orderNo = rejectedOrder();
        customs.as(() -> resubmission().resubmit(orderNo, Correction.NONE, "staff-1"));

        assertThatThrownBy(() -> customs.as(() -> resubmission().resubmit(orderNo, Correction.NONE, "staff-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("DECLARING")
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("DECLARATION_NOT_REJECTED");
        assertThat(customs.messages(orderNo)).extracting(DeclarationMessage::appType).containsExactly("1", "2");
        assertThat(customs.sentFiles(orderNo)).hasSize(2);
    }

    @Test
    void an_order_cancelled_behind_the_declarations_back_is_not_declared_again() throws Exception {
        String orderNo = rejectedOrder();
        customs.as(() -> context.getBean(io.vitrine.orders.ordering.OrderCancellations.class).cancel(orderNo, "staff-1",
                "cancelled on the console"));

        assertThatThrownBy(() -> customs.as(() -> resubmission().resubmit(orderNo, Correction.NONE, "staff-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CANCELLED")
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("ORDER_NOT_REJECTED");
        assertThat(customs.messages(orderNo)).hasSize(1);
    }

    @Test
    void an_accepted_declaration_is_not_resubmitted() throws Exception {
        String orderNo = paidOrder("1210");
        orderLegAccepted(orderNo);
        customs.dispatch(); // the payment leg: accepted too, so the whole declaration is

        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThatThrownBy(() -> customs.as(() -> resubmission().resubmit(orderNo, Correction.NONE, "staff-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ACCEPTED");
        assertThat(customs.messages(orderNo)).hasSize(1);
    }

    @Test
    void a_bad_corrected_consignee_is_refused_field_by_field_and_changes_nothing() throws Exception {
        String orderNo = rejectedOrder();

        assertThatThrownBy(() -> customs.as(() -> resubmission().resubmit(orderNo, new Correction(
                new PlaceOrder.Consignee("李四", "12345", "999", " "), null), "staff-1")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(f -> f.field() + " " + f.rule())
                        .containsExactlyInAnyOrder("consignee.phone MOBILE_NUMBER",
                                "consignee.districtCode DISTRICT_CODE", "consignee.address REQUIRED"));
        assertThat(customs.messages(orderNo)).hasSize(1);
        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void cancelling_a_rejected_order_refunds_it_once_releases_the_quota_and_gives_the_declaration_up()
            throws Exception {
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String orderNo = paidOrder("1210", buyer);
        customs.dispatch();
        receive(Ids.customsGuid(), onlyMessage(orderNo).guid(), orderNo, 100, "订购人身份信息校验不通过");
        customs.round();
        assertThat(held(buyer).isPositive()).isTrue();

        var outcome = customs.as(() -> cancellation().cancel(staff(), orderNo, "customs refused the buyer"));
        var again = customs.as(() -> cancellation().cancel(staff(), orderNo, "customs refused the buyer"));

        assertThat(outcome).isInstanceOf(DeclarationCancellation.Outcome.Cancelled.class);
        assertThat(again).isInstanceOf(DeclarationCancellation.Outcome.Cancelled.class);
        Order cancelled = order(orderNo).order();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.refundRequestNo()).isEqualTo(orderNo + "-C");
        assertThat(customs.declaring().fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(held(buyer)).isEqualTo(Money.ZERO);
        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.CANCELLED);
        assertThatThrownBy(() -> customs.as(() -> resubmission().resubmit(orderNo, Correction.NONE, "staff-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CANCELLED");
    }

    @Test
    void a_declared_inventory_list_is_cancelled_by_ceb623_and_the_order_only_once_customs_answers_800()
            throws Exception {
        ResidentIdNumber buyer = TestBuyers.newBuyer();
        String orderNo = paidOrder("1210", buyer);
        orderLegAccepted(orderNo);
        String inventoryGuid = inventoryListDeclared(orderNo);
        receive(MessageType.CEB622, Ids.customsGuid(), inventoryGuid, orderNo, 120, "B20261130000000001",
                "05012026I000000001", "入库成功");
        customs.round();
        assertThatThrownBy(() -> customs.as(() -> context.getBean(io.vitrine.orders.ordering.OrderCancellations.class)
                .cancel(orderNo, "staff-1", "x"))).isInstanceOf(ConflictException.class);

        var outcome = customs.as(() -> cancellation().cancel(staff(), orderNo, "shopper changed their mind"));
        var again = customs.as(() -> cancellation().cancel(staff(), orderNo, "shopper changed their mind"));

        assertThat(outcome).isInstanceOf(DeclarationCancellation.Outcome.Requested.class);
        String guid = ((DeclarationCancellation.Outcome.Requested) outcome).cancellationGuid();
        assertThat(((DeclarationCancellation.Outcome.Requested) again).cancellationGuid()).isEqualTo(guid);
        assertThat(customs.messages(orderNo)).filteredOn(m -> m.messageType().equals("CEB623")).hasSize(1);
        assertThat(customs.sentFiles(orderNo)).contains("CEB623Message_" + guid + ".xml");
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve("CEB623Message_" + guid + ".xml")),
                8 << 20);
        var cancel = new CebReader().read(sent.data(), MessageType.CEB623).body();
        assertThat(cancel.invtNo()).isEqualTo("05012026I000000001");
        assertThat(cancel.preNo()).isEqualTo("B20261130000000001");
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);

        receive(MessageType.CEB624, Ids.customsGuid(), guid, orderNo, 2, null, "05012026I000000001", "已申报");
        receive(MessageType.CEB624, Ids.customsGuid(), guid, orderNo, 120, null, "05012026I000000001", "入库成功");
        customs.round();
        assertThat(order(orderNo).order().status()).as("2 and 120 only say it arrived")
                .isEqualTo(OrderStatus.DECLARING);
        assertThat(customs.declaring().fake().trade(orderNo).orElseThrow().refunds()).isEmpty();
        String done = Ids.customsGuid();
        receive(MessageType.CEB624, done, guid, orderNo, 800, null, "05012026I000000001", "撤单成功");
        receive(MessageType.CEB624, done, guid, orderNo, 800, null, "05012026I000000001", "撤单成功");
        customs.round();

        Order cancelled = order(orderNo).order();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(customs.declaring().fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(held(buyer)).isEqualTo(Money.ZERO);
        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.inventoryLeg()).isEqualTo(DeclarationStatus.CANCELLED);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.CANCELLED);
        assertThat(order(orderNo).history()).extracting(HistoryEntry::reason)
                .contains("cancellation asked of customs (CEB623): shopper changed their mind");
    }

    @Test
    void a_refused_cancellation_leaves_the_order_declared_and_says_why() throws Exception {
        String orderNo = paidOrder("1210");
        orderLegAccepted(orderNo);
        String inventoryGuid = inventoryListDeclared(orderNo);
        receive(MessageType.CEB622, Ids.customsGuid(), inventoryGuid, orderNo, 120, "B20261130000000002",
                "05012026I000000002", "入库成功");
        customs.round();
        String guid = ((DeclarationCancellation.Outcome.Requested) customs.as(() -> cancellation().cancel(staff(), orderNo,
                null))).cancellationGuid();

        receive(MessageType.CEB624, Ids.customsGuid(), guid, orderNo, 100, null, "05012026I000000002", "已放行不可撤");
        customs.round();

        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.DECLARING);
        assertThat(order(orderNo).history()).extracting(HistoryEntry::reason)
                .contains("customs refused the cancellation: 已放行不可撤");
        assertThat(customs.declaring().fake().trade(orderNo).orElseThrow().refunds()).isEmpty();
        String next = ((DeclarationCancellation.Outcome.Requested) customs.as(() -> cancellation().cancel(staff(), orderNo,
                null))).cancellationGuid();
        assertThat(next).as("after a refusal, a new request").isNotEqualTo(guid);
    }

    @Test
    void a_released_order_cannot_be_cancelled() throws Exception {
        String orderNo = paidOrder("1210");
        orderLegAccepted(orderNo);
        String inventoryGuid = inventoryListDeclared(orderNo);
        receive(MessageType.CEB622, Ids.customsGuid(), inventoryGuid, orderNo, 800, "B20261130000000003",
                "05012026I000000003", "放行");
        customs.round();

        assertThatThrownBy(() -> customs.as(() -> cancellation().cancel(staff(), orderNo, null)))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("ORDER_RELEASED");
        assertThat(order(orderNo).order().status()).isEqualTo(OrderStatus.RELEASED);
    }

    // --- helpers

    private String paidOrder(String tradeMode) {
        return paidOrder(tradeMode, TestBuyers.newBuyer());
    }

    /** The order's CEB311 sent and customs' 120 for it read by the receipt round. */
    private void orderLegAccepted(String orderNo) throws IOException {
        customs.dispatch();
        receive(Ids.customsGuid(), onlyMessage(orderNo).guid(), orderNo, 120, "新增申报成功");
        customs.round();
    }

    private String rejectedOrder() throws IOException {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        receive(Ids.customsGuid(), onlyMessage(orderNo).guid(), orderNo, 100, "收货人电话不符");
        customs.round();
        return orderNo;
    }

    /** Paid at the fake too, so a refund finds the trade paid. */
    private String paidOrder(String tradeMode, ResidentIdNumber buyer) {
        String sku = fixtures.product(shop, 29900, tradeMode, OrderFixtures.LISTED_HS_CODE, 5);
        Order placed = customs.placedOrder(sku, "张三", buyer);
        // paid at the fake for real: the payment leg declares the fake's trade
        assertThat(customs.payAtTheFake(placed)).isEqualTo(PaymentOutcome.PAID);
        return placed.orderNo();
    }

    private long events(String type, String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?", type,
                orderNo);
    }

    /**
     * Stands in for the inventory leg (built elsewhere): a CEB621 of the order stored as sent and the inventory leg
     * DECLARING, as the inventory leg leaves them.
     */
    private String inventoryListDeclared(String orderNo) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        return customs.as(() -> transactions.executeWrite(status -> {
            OrderLegFacts facts = context.getBean(OrderLegFacts.class);
            var message = context.getBean(Declarations.class).inventoryList(facts.facts(facts.particulars(orderNo)),
                    new Clearance("0501", "0501", new Party("3301980001", "测试报关行"), "91350100M000100Y43",
                            "T0501W000001", new Party("3301980002", "测试区内企业"), "4", "601", "2", null),
                    new Shipment("YT" + orderNo.substring(7), new Party("3301980003", "测试物流"), 1, null, null, null),
                    "C" + orderNo, facts.submission());
            DeclarationStore store = context.getBean(DeclarationStore.class);
            DeclarationMessage stored = context.getBean(UnsentMessages.class).of(shop.tenant(), orderNo, message, "1");
            store.add(stored);
            Instant now = Instant.now();
            store.sent(shop.tenant(), stored.guid(), stored.xmlSealed(), now);
            store.lock(shop.tenant(), orderNo).flatMap(d -> d.after(Leg.INVENTORY, DeclarationStatus.DECLARING, null,
                    now)).ifPresent(store::update);
            return stored.guid();
        }));
    }

    private void receive(String receiptGuid, String answeredGuid, String orderNo, int status, String info)
            throws IOException {
        DeclarationReceipt receipt = new DeclarationReceipt(answeredGuid, null, "3301960VT1", "3301964J31", null,
                orderNo, null, null, null, status, Instant.now(), info);
        byte[] xml = new CebWriter().write(new CebMessage<>(MessageType.CEB312, receiptGuid, List.of(receipt), null));
        Files.write(customs.receiveFolder().resolve("CEB312Message_" + receiptGuid + "_" + System.nanoTime() + ".xml"), xml);
    }

    private void receive(MessageType<DeclarationReceipt> type, String receiptGuid, String answeredGuid,
                         String orderNo, int status, String preNo, String invtNo, String info) throws IOException {
        DeclarationReceipt receipt = new DeclarationReceipt(answeredGuid, "0501", "3301960VT1", "3301964J31", null,
                orderNo, "C" + orderNo, preNo, invtNo, status, Instant.now(), info);
        byte[] xml = new CebWriter().write(new CebMessage<>(type, receiptGuid, List.of(receipt), null));
        Files.write(customs.receiveFolder().resolve(type.rootElement() + "_" + receiptGuid + "_" + System.nanoTime() + ".xml"),
                xml);
    }

    private DeclarationResubmission resubmission() {
        return context.getBean(DeclarationResubmission.class);
    }

    private DeclarationCancellation cancellation() {
        return context.getBean(DeclarationCancellation.class);
    }

    private Actor staff() {
        return Actor.staff("staff-1", "staff", StaffRole.RETAILER_ADMIN, shop.tenant());
    }

    private Money held(ResidentIdNumber buyer) {
        return customs.as(() -> context.getBean(AnnualQuotas.class).standing(buyer, Year.now(ZoneId.of("Asia/Shanghai"))).held());
    }

    private DeclarationMessage onlyMessage(String orderNo) {
        List<DeclarationMessage> messages = customs.messages(orderNo);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private OrderDetails order(String orderNo) {
        return customs.as(() -> context.getBean(OrderReading.class).details(orderNo));
    }

}
