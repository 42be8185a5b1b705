package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.CebWriter;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InvtRefund;
import io.vitrine.customs.messages.InvtRefundList;
import io.vitrine.customs.messages.LegConsistency;
import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderDeclaration;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.customs.simulator.Examination;
import io.vitrine.customs.simulator.Scenario;
import io.vitrine.customs.simulator.SimulatorSettings;
import io.vitrine.customs.simulator.SingleWindowSimulator;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.orders.logistics.PostWaybill;
import io.vitrine.orders.logistics.WaybillAssigned;
import io.vitrine.orders.logistics.WaybillRegister;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PaymentOutcome;
import io.vitrine.orders.returns.RequestReturn;
import io.vitrine.orders.returns.ReturnApproved;
import io.vitrine.orders.returns.ReturnDecisions;
import io.vitrine.orders.returns.ReturnRequest;
import io.vitrine.orders.returns.ReturnStatus;
import io.vitrine.orders.returns.StaffReturns;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inventory leg end to end, on H2 and on MariaDB, with the real directory exchange and signer: the order leg
 * accepted (customs' 120 read by the receipt round), the payment leg accepted (set here through the store with its
 * event, as the payment leg will), the waybill posted through orders' {@code WaybillRegister} → one signed CEB621
 * consistent with the CEB311; redeliveries; 622 receipts (800 releases the order, 100 rejects); the corrected list;
 * a released order's approved return → one CEB625 and its 626 receipts (the return DECLARED, ACCEPTED or REJECTED by
 * customs, the declaration RELEASED throughout); and the whole pipeline answered by the real
 * {@link SingleWindowSimulator} over the same folders, a return included.
 */
abstract class InventoryLegSuite {

    private static final String LISTENER = "customs.declare-inventory-list";
    private static final String OPERATOR = "91440300MA5FWH0034";
    private static final String RETURNS = "customs.declare-return";
    private static final Actor ADMIN = Actor.staff("staff-1", "staff", StaffRole.RETAILER_ADMIN, null);

    private final DeclaringShop customs = new DeclaringShop(declaring());
    private final ApplicationContext context = customs.context();
    private final OrderFixtures fixtures = customs.fixtures();
    private final Shop shop = customs.shop();

    protected abstract DeclarationContexts.Declaring declaring();

    @BeforeEach
    void setUpTheShopsParkAndWarehouse() {
        String park = UUID.randomUUID().toString();
        String now = "2026-11-30 08:00:00";
        fixtures.execute("INSERT INTO tenants (id, kind, slug, name, legal_name, uscc, customs_code, park_id, status, "
                + "created_at) VALUES (?, 'PARK', ?, 'park', 'park', ?, '5349960001', NULL, 'ACTIVE', ?)", park,
                "p" + park.substring(0, 30), uscc(), now);
        fixtures.execute("INSERT INTO tenants (id, kind, slug, name, legal_name, uscc, customs_code, park_id, status, "
                + "created_at) VALUES (?, 'RETAILER', ?, 'shop', 'shop', ?, '3301964J31', ?, 'ACTIVE', ?)",
                shop.tenant().value(), "m" + shop.tenant().value().substring(0, 30), uscc(), park, now);
        fixtures.execute("INSERT INTO bonded_warehouses (id, park_id, code, name, ems_no, customs_code, area_code, "
                + "operator_uscc, created_at) VALUES (?, ?, ?, '示范保税仓一号', 'T5349W000001', '5349', '534901', ?, ?)",
                UUID.randomUUID().toString(), park, shop.warehouse(), OPERATOR, now);
    }

    @Test
    void order_and_payment_accepted_and_the_waybill_make_one_signed_ceb621_consistent_with_the_ceb311()
            throws Exception {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        DeclarationMessage order = onlyMessage(orderNo, "CEB311");
        accept(order, orderNo);
        paymentAccepted(orderNo);
        customs.dispatch();
        assertThat(customs.messages(orderNo)).hasSize(1); // no waybill yet

        waybill(orderNo);
        customs.dispatch();

        DeclarationMessage list = onlyMessage(orderNo, "CEB621");
        assertThat(list.appType()).isEqualTo("1");
        assertThat(list.signed()).isTrue();
        assertThat(list.attempts()).isEqualTo(1);
        assertThat(customs.sentFiles(orderNo)).containsExactlyInAnyOrder(order.fileName(), list.fileName());
        assertThat(list.fileName()).isEqualTo("CEB621Message_" + list.guid() + ".xml");
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(list.fileName())), 8 << 20);
        assertThat(new XmlDsigSignatureVerifier(8 << 20).verify(sent.data()).certificate())
                .isEqualTo(customs.declaring().key().certificate());
        assertThat(new String(sent.data(), StandardCharsets.UTF_8))
                .isEqualTo(context.getBean(PersonalDataCipher.class).decrypt(list.xmlSealed()));
        CebMessage<InventoryDeclaration> inventory = new CebReader().read(sent.data(), MessageType.CEB621);
        CebMessage<OrderDeclaration> ceb311 = new CebReader().read(DxpEnvelope.read(
                Files.readAllBytes(customs.send().resolve(order.fileName())), 8 << 20).data(), MessageType.CEB311);
        assertThat(LegConsistency.inventoryMatchesOrder(ceb311.body(), inventory.body())).isEmpty();
        assertThat(new MessageRules(Clock.systemUTC()).check(inventory)).isEmpty();
        var head = inventory.body().head();
        assertThat(head.app().guid()).isEqualTo(list.guid());
        assertThat(head.logisticsNo()).isEqualTo("YT" + orderNo);
        assertThat(head.emsNo()).isEqualTo("T5349W000001");
        assertThat(head.customsCode()).isEqualTo("5349");
        assertThat(head.area().code()).isEqualTo(OPERATOR);
        assertThat(head.copNo()).isEqualTo(orderNo);
        assertThat(inventory.body().lines()).allSatisfy(line -> assertThat(line.itemRecordNo()).isEqualTo("TYB-001"));
        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.inventoryLeg()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.DECLARING);
    }

    @Test
    void a_direct_purchase_inventory_list_carries_no_account_book_nor_item_record_numbers() throws Exception {
        String orderNo = paidOrder("9610");
        customs.dispatch();
        accept(onlyMessage(orderNo, "CEB311"), orderNo);
        paymentAccepted(orderNo);
        waybill(orderNo);
        customs.dispatch();

        CebMessage<InventoryDeclaration> inventory = sentInventory(onlyMessage(orderNo, "CEB621"));
        assertThat(inventory.body().head().emsNo()).isNull();
        assertThat(inventory.body().lines()).allSatisfy(line -> assertThat(line.itemRecordNo()).isNull());
        assertThat(new MessageRules(Clock.systemUTC()).check(inventory)).isEmpty();
    }

    @Test
    void the_payment_leg_accepted_last_also_triggers_and_every_event_delivered_again_still_makes_one_message()
            throws Exception {
        String orderNo = paidOrder("1239");
        customs.dispatch();
        accept(onlyMessage(orderNo, "CEB311"), orderNo);
        waybill(orderNo);
        customs.dispatch();
        assertThat(customs.messages(orderNo)).hasSize(1); // the payment leg is not accepted yet
        paymentAccepted(orderNo);
        customs.dispatch();
        DeclarationMessage first = onlyMessage(orderNo, "CEB621");

        customs.deliverAgain(LISTENER, DeclarationLegAccepted.TYPE, orderNo);
        customs.deliverAgain(LISTENER, WaybillAssigned.TYPE, orderNo);

        assertThat(onlyMessage(orderNo, "CEB621").guid()).isEqualTo(first.guid());
        assertThat(onlyMessage(orderNo, "CEB621").attempts()).isEqualTo(1);
        assertThat(customs.sentFiles(orderNo)).filteredOn(name -> name.startsWith("CEB621")).containsExactly(first.fileName());
    }

    @Test
    void a_failed_send_is_counted_as_an_attempt_and_the_retry_sends_the_same_message() throws Exception {
        String orderNo = paidOrder("1210");
        customs.dispatch();
        accept(onlyMessage(orderNo, "CEB311"), orderNo);
        paymentAccepted(orderNo);
        customs.dispatch();
        Path send = customs.send();
        Path aside = send.resolveSibling("send-aside-" + System.nanoTime());
        Files.move(send, aside);
        Files.writeString(send, "not a folder: the channel cannot deliver");
        try {
            waybill(orderNo);
            customs.dispatch();
            DeclarationMessage failed = onlyMessage(orderNo, "CEB621");
            assertThat(failed.sentAt()).isNull();
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(customs.declaration(orderNo).inventoryLeg()).isEqualTo(DeclarationStatus.PENDING);
        } finally {
            Files.delete(send);
            Files.move(aside, send);
        }

        customs.deliverAgain(LISTENER, WaybillAssigned.TYPE, orderNo);

        DeclarationMessage sent = onlyMessage(orderNo, "CEB621");
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(customs.sentFiles(orderNo)).contains(sent.fileName());
        assertThat(customs.declaration(orderNo).inventoryLeg()).isEqualTo(DeclarationStatus.DECLARING);
    }

    @Test
    void receipt_622_800_releases_the_declaration_and_the_order() throws Exception {
        String orderNo = declaredInventory("1210");
        DeclarationMessage list = onlyMessage(orderNo, "CEB621");

        receive(MessageType.CEB622, list.guid(), orderNo, 2, "已发送");
        receive(MessageType.CEB622, list.guid(), orderNo, 120, "入库成功");
        receive(MessageType.CEB622, list.guid(), orderNo, 800, "[Code:2600;Desc:放行]");
        customs.round();

        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.inventoryLeg()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(onlyMessage(orderNo, "CEB621").guid()).isEqualTo(list.guid()); // the leg's own 120 sends nothing
        // the park's statistics hear of it once, with the trade mode and the declaration's opening
        assertThat(events(DeclarationReleased.TYPE, orderNo)).singleElement().asString()
                .contains("\"tradeMode\":\"1210\"", "\"openedAt\"", "\"releasedAt\"");
        receive(MessageType.CEB622, list.guid(), orderNo, 800, "[Code:2600;Desc:放行]");
        customs.round();
        assertThat(events(DeclarationReleased.TYPE, orderNo)).hasSize(1);
        assertThat(events(DeclarationRejected.TYPE, orderNo)).isEmpty();
    }

    private List<String> events(String type, String orderNo) {
        return fixtures.strings("SELECT payload FROM outbox_events WHERE event_type = ? AND business_key = ?", type,
                orderNo);
    }

    @Test
    void receipt_622_100_rejects_and_the_corrected_list_goes_out_with_app_type_2_under_a_new_guid() throws Exception {
        String orderNo = declaredInventory("1210");
        DeclarationMessage list = onlyMessage(orderNo, "CEB621");
        InventoryListResubmission resubmission = context.getBean(InventoryListResubmission.class);
        assertThatThrownBy(() -> resubmission.resubmit(shop.tenant(), orderNo))
                .isInstanceOf(ConflictException.class);

        receive(MessageType.CEB622, list.guid(), orderNo, 100, "电商企业编码与备案不符");
        customs.round();

        Declaration rejected = customs.declaration(orderNo);
        assertThat(rejected.inventoryLeg()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(rejected.status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("电商企业编码与备案不符");
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(events(DeclarationRejected.TYPE, orderNo)).singleElement().asString()
                .contains("\"leg\":\"INVENTORY\"");

        String guid = resubmission.resubmit(shop.tenant(), orderNo);

        assertThat(guid).isNotEqualTo(list.guid());
        List<DeclarationMessage> lists = customs.messages(orderNo).stream()
                .filter(m -> m.messageType().equals("CEB621")).toList();
        assertThat(lists).extracting(DeclarationMessage::guid).containsExactly(list.guid(), guid);
        DeclarationMessage correction = lists.get(1);
        assertThat(correction.appType()).isEqualTo("2");
        CebMessage<InventoryDeclaration> corrected = sentInventory(correction);
        assertThat(corrected.body().head().app().appType().code()).isEqualTo("2");
        assertThat(corrected.body().head().copNo()).isEqualTo(orderNo);
        assertThat(customs.declaration(orderNo).inventoryLeg()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(customs.declaration(orderNo).rejectionReason()).isNull();
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.DECLARING);
        assertThatThrownBy(() -> resubmission.resubmit(shop.tenant(), orderNo))
                .isInstanceOf(ConflictException.class);
        assertThat(customs.messages(orderNo)).hasSize(3);

        receive(MessageType.CEB622, guid, orderNo, 800, "放行");
        customs.round();
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(events(DeclarationRejected.TYPE, orderNo)).hasSize(1);
        assertThat(events(DeclarationReleased.TYPE, orderNo)).hasSize(1);
    }

    @Test
    void an_approved_return_sends_one_signed_ceb625_naming_the_released_list_and_only_the_returned_line()
            throws Exception {
        String orderNo = releasedOrder("1210", 2);
        DeclarationMessage list = onlyMessage(orderNo, "CEB621");
        CebMessage<InventoryDeclaration> released = sentInventory(list);

        String returnNo = approvedReturn(orderNo, 1, "罐子破损 dented tin");
        customs.dispatch();

        DeclarationMessage request = onlyMessage(orderNo, "CEB625");
        assertThat(request.signed()).isTrue();
        assertThat(request.attempts()).isEqualTo(1);
        assertThat(request.fileName()).isEqualTo("CEB625Message_" + request.guid() + ".xml");
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(request.fileName())), 8 << 20);
        assertThat(new XmlDsigSignatureVerifier(8 << 20).verify(sent.data()).certificate())
                .isEqualTo(customs.declaring().key().certificate());
        CebMessage<InvtRefund> ceb625 = new CebReader().read(sent.data(), MessageType.CEB625);
        assertThat(new MessageRules(Clock.systemUTC()).check(ceb625)).isEmpty();
        assertThat(ceb625.bodies()).hasSize(1);
        var head = ceb625.body().head();
        assertThat(head.app().guid()).isEqualTo(request.guid());
        assertThat(head.orderNo()).isEqualTo(orderNo);
        assertThat(head.invtNo()).isEqualTo("53492026I" + orderNo.substring(orderNo.length() - 9));
        assertThat(head.preNo()).isEqualTo("B20261130" + orderNo.substring(orderNo.length() - 9));
        assertThat(head.copNo()).isEqualTo(released.body().head().copNo());
        assertThat(head.logisticsNo()).isEqualTo(released.body().head().logisticsNo());
        assertThat(head.reason()).isEqualTo("罐子破损 dented tin");
        var listed = released.body().lines().get(0);
        assertThat(ceb625.body().lines()).singleElement().satisfies(line -> {
            assertThat(line.gnum()).isEqualTo(listed.gnum());
            assertThat(line.gcode()).isEqualTo(listed.gcode());
            assertThat(line.unit()).isEqualTo(listed.unit());
            assertThat(line.qty()).isEqualByComparingTo(BigDecimal.ONE);
        });
        assertThat(returned(returnNo).status()).isEqualTo(ReturnStatus.DECLARED);
        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.RELEASED);

        customs.deliverAgain(RETURNS, ReturnApproved.TYPE, returnNo);
        customs.dispatch();

        DeclarationMessage again = onlyMessage(orderNo, "CEB625");
        assertThat(again.guid()).isEqualTo(request.guid());
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(customs.sentFiles(orderNo)).filteredOn(name -> name.startsWith("CEB625"))
                .containsExactly(request.fileName());
    }

    @Test
    void receipts_626_2_and_120_leave_the_return_declared_800_accepts_it_and_the_declaration_stays_released()
            throws Exception {
        String orderNo = releasedOrder("1210", 2);
        String returnNo = approvedReturn(orderNo, 2, "not as described");
        customs.dispatch();
        DeclarationMessage request = onlyMessage(orderNo, "CEB625");

        receive(MessageType.CEB626, request.guid(), orderNo, 2, "已发送");
        receive(MessageType.CEB626, request.guid(), orderNo, 120, "入库成功");
        customs.round();
        assertThat(returned(returnNo).status()).isEqualTo(ReturnStatus.DECLARED);

        receive(MessageType.CEB626, request.guid(), orderNo, 800, "退货审核通过");
        receive(MessageType.CEB626, request.guid(), orderNo, 120, "入库成功"); // late: changes nothing
        customs.round();

        assertThat(returned(returnNo).status()).isEqualTo(ReturnStatus.ACCEPTED);
        Declaration declaration = customs.declaration(orderNo);
        assertThat(declaration.status()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(declaration.inventoryLeg()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(notes(orderNo)).contains("return " + returnNo + " declared to customs (CEB625)",
                "return " + returnNo + " accepted by customs");
        assertThat(receipts(orderNo)).filteredOn(r -> r.messageGuid().equals(request.guid()))
                .extracting(RecordedReceipt::returnStatus).containsExactly(2, 120, 800, 120);
    }

    @Test
    void customs_refusing_the_return_request_rejects_the_return_with_its_reason() throws Exception {
        String orderNo = releasedOrder("1210", 1);
        String returnNo = approvedReturn(orderNo, 1, "changed my mind");
        customs.dispatch();
        DeclarationMessage request = onlyMessage(orderNo, "CEB625");

        receive(MessageType.CEB626, request.guid(), orderNo, 100, "商品已开封，不予退货");
        customs.round();

        ReturnRequest refused = returned(returnNo);
        assertThat(refused.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(refused.rejectionReason()).isEqualTo("商品已开封，不予退货");
        assertThat(refused.decidedBy()).isEqualTo(ADMIN.id()); // the retailer's approval is kept
        assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(notes(orderNo)).contains("return " + returnNo + " rejected by customs: 商品已开封，不予退货");

        receive(MessageType.CEB626, request.guid(), orderNo, 800, "退货审核通过"); // after the refusal: nothing
        customs.round();
        assertThat(returned(returnNo).status()).isEqualTo(ReturnStatus.REJECTED);
    }

    @Test
    void the_single_window_simulator_answers_a_paid_order_through_to_release() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "sim-");
        Clock clock = Clock.systemUTC();
        SimulatorSettings settings = new SimulatorSettings(Duration.ZERO, Duration.ZERO, Scenario.RELEASE, 8 << 20);
        try (SingleWindowSimulator simulator = new SingleWindowSimulator(customs.send(), customs.receiveFolder(), data,
                new Examination(new XmlDsigSignatureVerifier(8 << 20), new MessageRules(clock), settings, clock),
                settings, clock)) {
            String orderNo = paidOrder("1210", 2);
            waybill(orderNo);
            customs.dispatch();
            DeclarationMessage order = onlyMessage(orderNo, "CEB311");

            answer(simulator);
            assertThat(receipts(orderNo)).extracting(RecordedReceipt::returnStatus).containsExactly(2, 120);
            assertThat(customs.declaration(orderNo).orderLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
            paymentAccepted(orderNo);
            customs.dispatch();
            DeclarationMessage list = onlyMessage(orderNo, "CEB621");
            answer(simulator);

            assertThat(simulator.pendingReceipts()).isZero();
            assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.RELEASED);
            assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
            assertThat(receipts(orderNo)).filteredOn(r -> r.messageGuid().equals(order.guid()))
                    .extracting(RecordedReceipt::returnStatus).containsExactly(2, 120);
            assertThat(receipts(orderNo)).filteredOn(r -> r.messageGuid().equals(list.guid()))
                    .extracting(RecordedReceipt::returnStatus).containsExactly(2, 120, 800);

            String returnNo = approvedReturn(orderNo, 1, "wrong size");
            customs.dispatch();
            DeclarationMessage request = onlyMessage(orderNo, "CEB625");
            answer(simulator);

            assertThat(simulator.pendingReceipts()).isZero();
            assertThat(receipts(orderNo)).filteredOn(r -> r.messageGuid().equals(request.guid()))
                    .extracting(RecordedReceipt::returnStatus).containsExactly(2, 120, 800);
            assertThat(returned(returnNo).status()).isEqualTo(ReturnStatus.ACCEPTED);
            assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.RELEASED);

            String refusedNo = approvedReturn(orderNo, 1, "late #REJECT: 超过退货期限");
            customs.dispatch();
            answer(simulator);

            ReturnRequest refused = returned(refusedNo);
            assertThat(refused.status()).isEqualTo(ReturnStatus.REJECTED);
            assertThat(refused.rejectionReason()).contains("超过退货期限");
            assertThat(customs.declaration(orderNo).status()).isEqualTo(DeclarationStatus.RELEASED);
        }
    }

    // --- helpers

    /** A paid order of {@code units} units whose inventory list customs released (622 800 with its numbers). */
    private String releasedOrder(String tradeMode, int units) throws IOException {
        String orderNo = declaredInventory(tradeMode, units);
        DeclarationMessage list = onlyMessage(orderNo, "CEB621");
        String serial = orderNo.substring(orderNo.length() - 9);
        receive(MessageType.CEB622, list.guid(), orderNo, 800, "放行", "B20261130" + serial, "53492026I" + serial);
        customs.round();
        assertThat(order(orderNo).status()).isEqualTo(OrderStatus.RELEASED);
        return orderNo;
    }

    /** A return of the order's first line opened at the counter and approved by the retailer (ReturnApproved out). */
    private String approvedReturn(String orderNo, int qty, String reason) {
        String sku = order(orderNo, true).lines().get(0).sku();
        return customs.as(() -> {
            ReturnRequest opened = context.getBean(StaffReturns.class).openAtCounter(ADMIN, orderNo,
                    new RequestReturn(List.of(new RequestReturn.Item(sku, qty)), reason));
            return context.getBean(ReturnDecisions.class).approve(ADMIN, opened.returnNo()).returnNo();
        });
    }

    private ReturnRequest returned(String returnNo) {
        return customs.as(() -> context.getBean(StaffReturns.class).get(ADMIN, returnNo));
    }

    /** The notes on the order's timeline, oldest first. */
    private List<String> notes(String orderNo) {
        return order(orderNo, true).history().stream().filter(entry -> entry.kind() == HistoryEntry.Kind.NOTE)
                .map(HistoryEntry::reason).toList();
    }

    /** A paid order of this trade mode whose inventory list went out. */
    private String declaredInventory(String tradeMode) {
        return declaredInventory(tradeMode, 1);
    }

    private String declaredInventory(String tradeMode, int units) {
        String orderNo = paidOrder(tradeMode, units);
        customs.dispatch();
        accept(onlyMessage(orderNo, "CEB311"), orderNo);
        paymentAccepted(orderNo);
        waybill(orderNo);
        customs.dispatch();
        assertThat(customs.declaration(orderNo).inventoryLeg()).isEqualTo(DeclarationStatus.DECLARING);
        return orderNo;
    }

    private String paidOrder(String tradeMode) {
        return paidOrder(tradeMode, 1);
    }

    private String paidOrder(String tradeMode, int units) {
        String sku = fixtures.product(shop, 29900, tradeMode, OrderFixtures.LISTED_HS_CODE, 5);
        fixtures.execute("UPDATE products SET item_record_no = 'TYB-001' WHERE tenant_id = ? AND sku = ?",
                shop.tenant().value(), sku);
        Order placed = customs.placedOrder(sku, units, "张三", TestBuyers.newBuyer());
        assertThat(customs.pay(placed, "2026113022" + placed.orderNo().substring(7))).isEqualTo(PaymentOutcome.PAID);
        return placed.orderNo();
    }

    /** Customs' 120 for the CEB311, read by the receipt round (publishes the order leg's DeclarationLegAccepted). */
    private void accept(DeclarationMessage order, String orderNo) {
        try {
            receive(MessageType.CEB312, order.guid(), orderNo, 120, "新增申报成功");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        customs.round();
        assertThat(customs.declaration(orderNo).orderLeg()).isEqualTo(DeclarationStatus.ACCEPTED);
    }

    /** The payment leg accepted as the payment leg's own code will do it: the leg moved and its event published. */
    private void paymentAccepted(String orderNo) {
        DeclarationStore store = context.getBean(DeclarationStore.class);
        Outbox outbox = context.getBean(Outbox.class);
        customs.as(() -> customs.transactions().executeWrite(status -> {
            Declaration d = store.lock(shop.tenant(), orderNo).orElseThrow();
            store.update(new Declaration(d.id(), d.tenant(), d.orderNo(), d.tradeMode(), d.status(), d.orderLeg(),
                    DeclarationStatus.ACCEPTED, d.inventoryLeg(), d.rejectionReason(), d.createdAt(), Instant.now()));
            outbox.publish(new DeclarationLegAccepted(shop.tenant(), orderNo, Leg.PAYMENT));
            return null;
        }));
    }

    private void waybill(String orderNo) {
        customs.as(() -> context.getBean(WaybillRegister.class).assign(new PostWaybill(orderNo, "4403980001", "测试物流",
                "YT" + orderNo), "test-partner"));
    }

    /** The simulator answers everything it has (one receipt step per tick), each answer read and delivered. */
    private void answer(SingleWindowSimulator simulator) {
        for (int i = 0; i < 10; i++) {
            simulator.tick();
            drain();
            if (simulator.pendingReceipts() == 0) {
                return;
            }
        }
    }

    /** Reads receipts and delivers what they publish until nothing is left. */
    private void drain() {
        while (customs.round() > 0) {
            customs.dispatch();
        }
        customs.dispatch();
    }

    private void receive(MessageType<DeclarationReceipt> type, String answeredGuid, String orderNo, int status,
                         String info) throws IOException {
        receive(type, answeredGuid, orderNo, status, info, null, null);
    }

    private void receive(MessageType<DeclarationReceipt> type, String answeredGuid, String orderNo, int status,
                         String info, String preNo, String invtNo) throws IOException {
        String receiptGuid = Ids.customsGuid();
        DeclarationReceipt receipt = new DeclarationReceipt(answeredGuid, "5349", "3301960VT1", "3301964J31", null,
                orderNo, orderNo, preNo, invtNo, status, Instant.now(), info);
        byte[] xml = new CebWriter().write(new CebMessage<>(type, receiptGuid, List.of(receipt), null));
        Files.write(customs.receiveFolder().resolve(type.rootElement() + "_" + receiptGuid + ".xml"), xml);
    }

    private CebMessage<InventoryDeclaration> sentInventory(DeclarationMessage list) throws IOException {
        DxpMessage sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(list.fileName())), 8 << 20);
        return new CebReader().read(sent.data(), MessageType.CEB621);
    }

    private List<RecordedReceipt> receipts(String orderNo) {
        return customs.read(store -> store.receipts(shop.tenant(), orderNo));
    }

    private DeclarationMessage onlyMessage(String orderNo, String type) {
        List<DeclarationMessage> found = customs.messages(orderNo).stream().filter(m -> m.messageType().equals(type)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Order order(String orderNo) {
        return order(orderNo, true).order();
    }

    private io.vitrine.orders.ordering.OrderDetails order(String orderNo, boolean details) {
        return customs.as(() -> context.getBean(OrderReading.class).details(orderNo));
    }

    private static String uscc() {
        return ("91" + UUID.randomUUID().toString().replace("-", "")).substring(0, 18).toUpperCase();
    }

}
