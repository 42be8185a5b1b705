package io.vitrine.customs.simulator;

import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.DxpRoute;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.customs.exchange.TransInfo;
import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.exchange.infra.DirectoryLayout;
import io.vitrine.customs.messages.CebMessage;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.InventoryDeclaration;
import io.vitrine.customs.messages.InventoryList;
import io.vitrine.customs.messages.ReturnedItem;
import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.customs.messages.OrderFacts;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.customs.signing.infra.XmlDsigMessageSigner;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator between a real {@link DirectoryExchange} in temporary folders and real signing (an RSA key made
 * here): what we send goes through {@link MessageHandoff}, what it answers is picked up by the exchange and read
 * with {@link CebReader}. The clock is moved by hand past each answer's delay.
 */
class SingleWindowSimulatorTest {

    private static final int LIMIT = 1 << 20;
    private static final SigningKey KEY = TestKeys.generate(SignatureAlgorithm.RSA_SHA1);
    private static final SimulatorSettings SETTINGS = new SimulatorSettings(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Scenario.RELEASE, LIMIT);

    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock();
    private DirectoryExchange exchange;
    private MessageHandoff handoff;
    private SingleWindowSimulator simulator;
    private final List<Received> received = new ArrayList<>();

    /** One receipt as we picked it up: the file's raw payload and what CebReader made of it. */
    record Received(CebMessage<?> message, String xml) {
        DeclarationReceipt receipt() {
            return (DeclarationReceipt) message.body();
        }
    }

    @BeforeEach
    void start() {
        DirectoryLayout layout = DirectoryLayout.under(root.resolve("exchange"));
        exchange = new DirectoryExchange(layout, Duration.ofMinutes(10), LIMIT, clock);
        handoff = new MessageHandoff(new XmlDsigMessageSigner(KEY, SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1, LIMIT),
                exchange, clock);
        simulator = newSimulator();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SingleWindowSimulator newSimulator() {
        DirectoryLayout layout = DirectoryLayout.under(root.resolve("exchange"));
        return new SingleWindowSimulator(layout.send(), layout.receive(), root.resolve("simulator"),
                new Examination(new XmlDsigSignatureVerifier(LIMIT), new MessageRules(clock), SETTINGS, clock),
                SETTINGS, clock);
    }

    @Test
    void a_valid_signed_order_is_answered_declaring_then_accepted_in_customs_default_namespace_form() {
        String guid = send(SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000001", "李四")));

        runUntilQuiet();

        assertThat(received).extracting(r -> r.message().type().code()).containsOnly("CEB312");
        assertThat(received).extracting(r -> r.receipt().returnStatus()).containsExactly(2, 120);
        assertThat(received).extracting(r -> r.receipt().guid()).containsOnly(guid);
        assertThat(received).extracting(r -> r.receipt().orderNo()).containsOnly("VT20261130000001");
        assertThat(received.get(0).xml()).contains("<CEB312Message").contains("xmlns=\"http://www.chinaport.gov.cn/ceb\"")
                .doesNotContain("ceb:");
        assertThat(received.get(0).message().guid()).isNotEqualTo(received.get(1).message().guid());
    }

    @Test
    void an_inventory_list_matching_its_order_is_released_with_customs_numbers() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000002", "李四");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        String list = send(SimulatorFixtures.inventoryXml(clock, order));

        runUntilQuiet();

        List<DeclarationReceipt> inventory = receiptsOf(MessageType.CEB622);
        assertThat(inventory).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120, 800);
        assertThat(inventory).extracting(DeclarationReceipt::guid).containsOnly(list);
        assertThat(inventory).extracting(DeclarationReceipt::copNo).containsOnly(SimulatorFixtures.COP_NO);
        assertThat(inventory.get(0).invtNo()).hasSize(18).startsWith("0501").contains("I");
        assertThat(inventory.get(0).preNo()).hasSize(18).startsWith("B");
        assertThat(inventory).extracting(DeclarationReceipt::invtNo).containsOnly(inventory.get(0).invtNo());
        assertThat(receiptsOf(MessageType.CEB312)).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120);
    }

    @Test
    void a_released_inventory_list_gets_a_ceb816_tax_bill_after_the_800_with_the_tax_rule() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000012", "李四");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        send(SimulatorFixtures.inventoryXml(clock, order));

        runUntilQuiet();

        List<io.vitrine.customs.messages.TaxBill> bills = taxBills();
        assertThat(bills).hasSize(1);
        var bill = bills.get(0);
        assertThat(received.get(received.size() - 1).message().type()).isEqualTo(MessageType.CEB816);
        assertThat(bill.head().invtNo()).isEqualTo(receiptsOf(MessageType.CEB622).get(0).invtNo());
        assertThat(bill.head().status()).isEqualTo("1");
        assertThat(bill.lines()).hasSize(2);
        // goods 516.50 + freight 10.00 + insurance 0.50, shared by value, each line at 9.1%
        List<io.vitrine.kernel.money.Money> dutiable = io.vitrine.kernel.tax.CrossBorderTax.dutiableValues(
                List.of(io.vitrine.kernel.money.Money.ofFen(39600), io.vitrine.kernel.money.Money.ofFen(12050)),
                io.vitrine.kernel.money.Money.ofFen(1000), io.vitrine.kernel.money.Money.ofFen(50));
        long vat = dutiable.stream().mapToLong(v -> io.vitrine.kernel.tax.CrossBorderTax.withinLimits(v,
                io.vitrine.kernel.tax.TaxRates.of("0.13", "0", null)).vat().fen()).sum();
        assertThat(bill.lines()).extracting(l -> l.taxPrice().fen()).containsExactly(dutiable.get(0).fen(),
                dutiable.get(1).fen());
        assertThat(bill.head().valueAddedTax().fen()).isEqualTo(vat).isBetween(4790L, 4800L);
        assertThat(bill.head().customsTax().isZero()).isTrue();
        assertThat(bill.head().consumptionTax().isZero()).isTrue();
    }

    @Test
    void an_order_marked_taxdiff_gets_a_bill_100_fen_above_the_rule_and_a_rejected_list_none() {
        OrderFacts marked = SimulatorFixtures.order("VT20261130000013", "李四 #TAXDIFF");
        OrderFacts plain = SimulatorFixtures.order("VT20261130000014", "李四");
        OrderFacts rejected = SimulatorFixtures.order("VT20261130000015", "李四 #REJECT");
        for (OrderFacts order : List.of(marked, plain, rejected)) {
            send(SimulatorFixtures.orderXml(clock, order));
        }
        simulator.tick();
        for (OrderFacts order : List.of(marked, plain, rejected)) {
            send(SimulatorFixtures.inventoryXml(clock, order));
        }

        runUntilQuiet();

        List<io.vitrine.customs.messages.TaxBill> bills = taxBills();
        assertThat(bills).hasSize(2);
        long a = bills.get(0).head().valueAddedTax().fen();
        long b = bills.get(1).head().valueAddedTax().fen();
        assertThat(Math.abs(a - b)).isEqualTo(100);
        assertThat(bills).extracting(bill -> bill.head().taxNo()).doesNotHaveDuplicates();
    }

    @Test
    void an_order_marked_reject_gets_its_inventory_list_rejected_with_the_reason() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000003", "李四 #REJECT: 超出个人年度交易限值");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        send(SimulatorFixtures.inventoryXml(clock, order));

        runUntilQuiet();

        List<DeclarationReceipt> inventory = receiptsOf(MessageType.CEB622);
        assertThat(inventory).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 100);
        assertThat(inventory.get(1).returnInfo()).contains("超出个人年度交易限值");
    }

    @Test
    void inspection_ends_in_release_and_detention_stops_at_501() {
        OrderFacts inspected = SimulatorFixtures.order("VT20261130000004", "李四 #INSPECT");
        OrderFacts detained = SimulatorFixtures.order("VT20261130000005", "王五 #detain");
        send(SimulatorFixtures.orderXml(clock, inspected));
        send(SimulatorFixtures.orderXml(clock, detained));
        simulator.tick();
        String inspectedList = send(SimulatorFixtures.inventoryXml(clock, inspected));
        String detainedList = send(SimulatorFixtures.inventoryXml(clock, detained));

        runUntilQuiet();

        assertThat(receiptsOf(MessageType.CEB622).stream().filter(r -> r.guid().equals(inspectedList)))
                .extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120, 500, 800);
        assertThat(receiptsOf(MessageType.CEB622).stream().filter(r -> r.guid().equals(detainedList)))
                .extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120, 501);
    }

    @Test
    void an_inventory_list_with_a_bad_hs_code_gets_a_negative_status_naming_gcode() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000006", "李四", "19011010");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        send(SimulatorFixtures.inventoryXml(clock, order));

        runUntilQuiet();

        List<DeclarationReceipt> inventory = receiptsOf(MessageType.CEB622);
        assertThat(inventory).hasSize(1);
        assertThat(inventory.get(0).returnStatus()).isNegative();
        assertThat(inventory.get(0).returnInfo()).contains("InventoryList[1].gcode").contains("HS_CODE_FORM");
    }

    @Test
    void an_inventory_list_that_does_not_repeat_its_order_is_refused_as_a_leg_mismatch() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000007", "李四");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        OrderFacts oneLineOnly = new OrderFacts(order.orderNo(), order.tradeMode(), order.platform(), order.seller(),
                order.goodsValue(), order.freight(), order.insurance(), order.discount(), order.tax(), order.paid(),
                order.buyer(), order.consignee(), order.payment(), order.lines().subList(0, 1));
        send(SimulatorFixtures.inventoryXml(clock, oneLineOnly));
        send(SimulatorFixtures.inventoryXml(clock, SimulatorFixtures.order("VT20261130099999", "李四")));

        runUntilQuiet();

        assertThat(receiptsOf(MessageType.CEB622)).extracting(DeclarationReceipt::returnStatus)
                .containsExactly(Scenario.LEG_MISMATCH, Scenario.LEG_MISMATCH);
        assertThat(receiptsOf(MessageType.CEB622)).extracting(DeclarationReceipt::returnInfo)
                .anySatisfy(info -> assertThat(info).contains("LINE_COUNT_MATCHES"))
                .anySatisfy(info -> assertThat(info).contains("ORDER_NOT_RECEIVED"));
    }

    @Test
    void return_requests_are_checked_against_the_released_list_and_approved_or_refused() {
        OrderFacts order = SimulatorFixtures.order("VT20261130000021", "李四");
        send(SimulatorFixtures.orderXml(clock, order));
        simulator.tick();
        byte[] listXml = SimulatorFixtures.inventoryXml(clock, order);
        send(listXml);
        runUntilQuiet();
        DeclarationReceipt released = receiptsOf(MessageType.CEB622).get(2);
        assertThat(released.returnStatus()).isEqualTo(800);
        InventoryDeclaration registered = new CebReader().read(listXml, MessageType.CEB621).body();
        InventoryList first = registered.lines().get(0);
        List<ReturnedItem> one = List.of(new ReturnedItem(first.gnum(), BigDecimal.ONE));
        InventoryDeclaration inflated = new InventoryDeclaration(registered.head(), List.of(new InventoryList(
                first.gnum(), first.itemRecordNo(), first.itemNo(), first.itemName(), first.gcode(), first.gname(),
                first.gmodel(), first.barCode(), first.country(), first.currency(), first.qty().add(BigDecimal.TEN),
                first.unit(), first.qty1(), first.unit1(), first.qty2(), first.unit2(), first.price(),
                first.totalPrice(), first.note())));

        String approved = send(SimulatorFixtures.returnXml(clock, registered, released.invtNo(), released.preNo(), one,
                "damaged"));
        String refused = send(SimulatorFixtures.returnXml(clock, registered, released.invtNo(), released.preNo(), one,
                "late #REJECT: 超过退货期限"));
        String tooMany = send(SimulatorFixtures.returnXml(clock, inflated, released.invtNo(), released.preNo(),
                List.of(new ReturnedItem(first.gnum(), first.qty().add(BigDecimal.ONE))), "all of it"));
        String unknown = send(SimulatorFixtures.returnXml(clock, registered, "0501" + "2026I000000001",
                released.preNo(), one, "which list"));
        runUntilQuiet();

        assertThat(returnReceipts(approved)).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120, 800);
        assertThat(returnReceipts(approved)).extracting(DeclarationReceipt::invtNo).containsOnly(released.invtNo());
        assertThat(returnReceipts(refused)).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 100);
        assertThat(returnReceipts(refused).get(1).returnInfo()).contains("超过退货期限");
        assertThat(returnReceipts(tooMany)).singleElement().satisfies(r -> {
            assertThat(r.returnStatus()).isEqualTo(Scenario.LEG_MISMATCH);
            assertThat(r.returnInfo()).contains("InvtRefundList[1].qty").contains("RETURN_QUANTITY_LISTED");
        });
        assertThat(returnReceipts(unknown)).singleElement().satisfies(r -> {
            assertThat(r.returnStatus()).isEqualTo(Scenario.LEG_MISMATCH);
            assertThat(r.returnInfo()).contains("LIST_NOT_RELEASED");
        });
    }

    private List<DeclarationReceipt> returnReceipts(String guid) {
        return receiptsOf(MessageType.CEB626).stream().filter(r -> r.guid().equals(guid)).toList();
    }

    @Test
    void a_tampered_or_missing_signature_gets_a_negative_status() {
        byte[] unsigned = SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000008", "李四"));
        byte[] signed = new XmlDsigMessageSigner(KEY, SignatureAlgorithm.RSA_SHA1, DigestAlgorithm.SHA1, LIMIT).sign(unsigned);
        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text).contains("13900139000");
        String tamperedGuid = sendRaw(text.replace("13900139000", "13900139001").getBytes(StandardCharsets.UTF_8));
        String unsignedGuid = sendRaw(SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000009", "李四")));

        runUntilQuiet();

        List<DeclarationReceipt> receipts = receiptsOf(MessageType.CEB312);
        assertThat(receipts).extracting(DeclarationReceipt::guid).containsExactlyInAnyOrder(tamperedGuid, unsignedGuid);
        assertThat(receipts).allSatisfy(r -> {
            assertThat(r.returnStatus()).isEqualTo(Scenario.SIGNATURE_FAILURE);
            assertThat(r.returnInfo()).contains("signature");
        });
    }

    @Test
    void the_same_message_sent_twice_is_answered_once() {
        byte[] order = SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000010", "李四"));
        send(order);
        simulator.tick();
        send(order);
        simulator.tick();
        send(order);

        runUntilQuiet();

        assertThat(receiptsOf(MessageType.CEB312)).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120);
    }

    @Test
    void a_restarted_simulator_answers_nothing_twice_and_sends_what_was_still_due() {
        byte[] order = SimulatorFixtures.orderXml(clock, SimulatorFixtures.order("VT20261130000011", "李四"));
        send(order);
        simulator.tick();
        clock.advance(SETTINGS.delayOf(0));
        simulator.tick();
        collect();
        assertThat(receiptsOf(MessageType.CEB312)).extracting(DeclarationReceipt::returnStatus).containsExactly(2);
        simulator.close();

        simulator = newSimulator();
        send(order);
        runUntilQuiet();

        assertThat(receiptsOf(MessageType.CEB312)).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120);
        assertThat(simulator.pendingReceipts()).isZero();
    }

    private String send(byte[] unsigned) {
        return handoff.handOff(DxpRoute.importFrom(SimulatorFixtures.SENDER), unsigned).transInfo().copMsgId();
    }

    /** An envelope around the bytes as they are, signed or not. */
    private String sendRaw(byte[] data) {
        String guid = new CebReader().read(data).guid();
        exchange.send(new DxpMessage(new TransInfo(guid, SimulatorFixtures.SENDER, List.of(TransInfo.IMPORT_RECEIVER),
                java.time.LocalDateTime.now(), "CEB311Message"), data));
        return guid;
    }

    /** Ticks, moving the clock a second at a time, until nothing is left to answer. */
    private void runUntilQuiet() {
        for (int i = 0; i < 60; i++) {
            simulator.tick();
            collect();
            if (simulator.pendingReceipts() == 0) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("the simulator still has receipts to send after a minute");
    }

    private void collect() {
        exchange.pickUp(100, inbound -> {
            byte[] payload = DxpEnvelope.payloadOf(inbound.content(), LIMIT);
            received.add(new Received(new CebReader().read(payload), new String(payload, StandardCharsets.UTF_8)));
        });
    }

    private List<io.vitrine.customs.messages.TaxBill> taxBills() {
        return received.stream().filter(r -> r.message().type() == MessageType.CEB816)
                .map(r -> (io.vitrine.customs.messages.TaxBill) r.message().bodies().get(0)).toList();
    }

    private List<DeclarationReceipt> receiptsOf(MessageType<?> type) {
        return received.stream().filter(r -> r.message().type() == type).map(Received::receipt).toList();
    }
}
