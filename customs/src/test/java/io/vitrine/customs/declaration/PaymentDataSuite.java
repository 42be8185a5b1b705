package io.vitrine.customs.declaration;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpMessage;
import io.vitrine.customs.exchange.TransInfo;
import io.vitrine.customs.messages.MessageRules;
import io.vitrine.customs.paymentdata.ImmediateAnswer;
import io.vitrine.customs.paymentdata.PayExInfo;
import io.vitrine.customs.paymentdata.PayExInfoJson;
import io.vitrine.customs.paymentdata.PaymentDataRequest;
import io.vitrine.customs.paymentdata.PaymentDataRequested;
import io.vitrine.customs.paymentdata.PaymentDataRequests;
import io.vitrine.customs.signing.infra.XmlDsigSignatureVerifier;
import io.vitrine.customs.simulator.Examination;
import io.vitrine.customs.simulator.Scenario;
import io.vitrine.customs.simulator.SimulatorSettings;
import io.vitrine.customs.simulator.SingleWindowSimulator;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The "179" interface end to end on H2 and MariaDB: a paid order declared through the real pipeline (outbox, real
 * signer, directory exchange, fake Alipay for the payment leg), accepted by the real {@link SingleWindowSimulator},
 * which then asks for its payment data over HTTP; the request recorded and answered 10000 by
 * {@link PaymentDataRequests}, the upload built, signed and sent through the exchange by the outbox, and verified and
 * compared with the CEB311 by the simulator. The simulator's HTTP call reaches {@link PaymentDataRequests} through a
 * bare JDK server standing in for the api route (api's {@code PaymentDataRequestsHttpTest} covers the route itself).
 */
abstract class PaymentDataSuite {

    private static final String LISTENER = "customs.answer-payment-data";
    private static final String TOKEN = "payment-data-suite-token";

    private DeclarationContexts.Declaring declaring;
    private ApplicationContext context;
    private OrderFixtures fixtures;
    private Shop shop;
    private HttpServer platform;
    private SingleWindowSimulator simulator;
    private Path simulatorData;

    protected abstract DeclarationContexts.Declaring declaring();

    @BeforeEach
    void setUp() throws IOException {
        declaring = declaring();
        context = declaring.context();
        fixtures = new OrderFixtures(context, declaring.fake());
        shop = fixtures.shop();
        fixtures.execute("UPDATE tenant_settings SET customs_ebc_code = ?, customs_ebc_name = ? WHERE tenant_id = ?",
                "3301964J31", "测试跨境商户", shop.tenant().value());
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/179", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            String body;
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Customs-Token"))) {
                status = 401;
                body = "{}";
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> open = context.getBean(JsonMapper.class).readValue(URLDecoder.decode(
                        form.substring("openReq=".length()), StandardCharsets.UTF_8), Map.class);
                ImmediateAnswer answer = context.getBean(PaymentDataRequests.class).receive(PaymentDataRequest.of(
                        (String) open.get("orderNo"), (String) open.get("sessionID"),
                        ((Number) open.get("serviceTime")).longValue()));
                body = new String(context.getBean(JsonMapper.class).writeValueAsBytes(answer), StandardCharsets.UTF_8);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        platform.start();
        simulatorData = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "sim179-");
        simulator = simulator();
    }

    private SingleWindowSimulator simulator() throws IOException {
        Clock clock = Clock.systemUTC();
        SimulatorSettings settings = new SimulatorSettings(Duration.ZERO, Duration.ZERO, Scenario.RELEASE, 8 << 20);
        return new SingleWindowSimulator(send(), declaring.exchange().resolve("receive"), simulatorData,
                new Examination(new XmlDsigSignatureVerifier(8 << 20), new MessageRules(clock), settings, clock),
                settings, clock);
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        platform.stop(0);
    }

    @Test
    void a_paid_declared_order_is_answered_with_a_signed_upload_the_simulator_verifies() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();

        ImmediateAnswer answer = ask(orderNo, session, Duration.ofMinutes(5));
        assertThat(answer.code()).isEqualTo(ImmediateAnswer.ACCEPTED);
        assertThat(row(session, "status")).isEqualTo("PENDING");

        dispatch();
        simulator.tick();

        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).as(v.toString()).containsEntry("outcome", "ANSWERED"));
        assertThat(row(session, "status")).isEqualTo("ANSWERED");
        assertThat(fixtures.count("SELECT COUNT(*) FROM payment_data_requests WHERE session_id = ? AND attempts = 1 "
                + "AND deadline_met = TRUE AND answered_at IS NOT NULL", session)).isEqualTo(1);
        // every field of the interface present, the optional ones empty rather than left out
        assertThat(row(session, "upload")).contains("\"note\":\"\"").contains("\"initalRequest\":")
                .contains("\"recpCode\":\"3301964J31\"").contains("\"currency\":\"142\"");
        PayExInfo upload = PayExInfoJson.read(row(session, "upload"));
        Order order = order(orderNo);
        assertThat(upload.sessionID()).isEqualTo(session);
        assertThat(upload.payExchangeInfoHead().guid()).isEqualTo(row(session, "upload_guid")).hasSize(36);
        assertThat(upload.payExchangeInfoHead().totalAmount())
                .isEqualByComparingTo(BigDecimal.valueOf(order.paidAmount().fen(), 2));
        assertThat(upload.payExchangeInfoHead().payTransactionId()).isEqualTo(order.tradeNo());
        assertThat(upload.payExchangeInfoLists()).singleElement().satisfies(item -> {
            assertThat(item.orderNo()).isEqualTo(orderNo);
            assertThat(item.goodsInfo()).isNotEmpty();
            assertThat(item.recpName()).isEqualTo("测试跨境商户");
        });
        assertThat(upload.certNo()).isEqualTo(declaring.key().certificate().getSerialNumber().toString(16));
    }

    @Test
    void an_upload_changed_on_the_way_fails_the_simulators_signature_check() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();
        ask(orderNo, session, Duration.ofMinutes(5));
        dispatch();
        Path file = send().resolve(TransInfo.PAYMENT_DATA + "_" + row(session, "upload_guid") + ".xml");
        var sent = DxpEnvelope.read(Files.readAllBytes(file), 8 << 20);
        String forged = new String(sent.data(), StandardCharsets.UTF_8).replaceFirst("\"totalAmount\":[0-9.]+",
                "\"totalAmount\":1.00");
        Files.write(file, DxpEnvelope.write(new DxpMessage(sent.transInfo(),
                forged.getBytes(StandardCharsets.UTF_8))));

        simulator.tick();

        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("outcome", "BAD_SIGNATURE"));
    }

    @Test
    void a_repeated_session_is_recorded_and_answered_once() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();

        assertThat(ask(orderNo, session, Duration.ofMinutes(5)).code()).isEqualTo(ImmediateAnswer.ACCEPTED);
        assertThat(ask(orderNo, session, Duration.ofMinutes(5)).code()).isEqualTo(ImmediateAnswer.ACCEPTED);
        dispatch();
        assertThat(ask(orderNo, session, Duration.ofMinutes(5)).code()).isEqualTo(ImmediateAnswer.ACCEPTED);
        dispatch();
        simulator.tick();

        assertThat(fixtures.count("SELECT COUNT(*) FROM payment_data_requests WHERE session_id = ?", session))
                .isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                PaymentDataRequested.TYPE, orderNo)).isEqualTo(1);
        assertThat(row(session, "attempts")).isEqualTo("1");
        assertThat(simulator.paymentDataUploads(session)).isEqualTo(1);
        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("outcome", "ANSWERED"));
    }

    @Test
    void an_order_no_declaration_knows_is_answered_20000_and_never_uploaded() {
        String session = session();
        String orderNo = "NOSUCH" + System.nanoTime();

        ImmediateAnswer answer = context.getBean(PaymentDataRequests.class).receive(
                PaymentDataRequest.of(orderNo, session, System.currentTimeMillis()));
        ImmediateAnswer again = context.getBean(PaymentDataRequests.class).receive(
                PaymentDataRequest.of(orderNo, session, System.currentTimeMillis()));

        assertThat(answer.code()).isEqualTo(ImmediateAnswer.FAILED);
        assertThat(answer.message()).contains(orderNo);
        assertThat(again.code()).isEqualTo(ImmediateAnswer.FAILED);
        assertThat(row(session, "status")).isEqualTo("UNKNOWN_ORDER");
        assertThat(fixtures.count("SELECT COUNT(*) FROM payment_data_requests WHERE session_id = ? "
                + "AND tenant_id IS NULL", session)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                PaymentDataRequested.TYPE, orderNo)).isZero();
        assertThatThrownBy(() -> ask(orderNo, session(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bad_requests_name_each_field_and_rule() {
        assertThatThrownBy(() -> PaymentDataRequest.of(null, "has space", -5L))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactly(tuple("orderNo", "REQUIRED"),
                                tuple("sessionID", "FORMAT"),
                                tuple("serviceTime", "POSITIVE_INTEGER")));
        assertThatThrownBy(() -> PaymentDataRequest.of("X".repeat(61), "s", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactly(tuple("orderNo", "MAX_LENGTH"),
                                tuple("serviceTime", "REQUIRED")));
    }

    @Test
    void a_failed_upload_is_recorded_and_the_retry_sends_it_under_the_same_guid() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();
        ask(orderNo, session, Duration.ofMinutes(5));
        Path send = send();
        Path aside = send.resolveSibling("send-aside-" + System.nanoTime());
        Files.move(send, aside);
        Files.writeString(send, "not a folder: the channel cannot deliver");
        String guid;
        try {
            dispatch();
            assertThat(row(session, "status")).isEqualTo("PENDING");
            assertThat(row(session, "attempts")).isEqualTo("1");
            assertThat(row(session, "last_error")).isNotBlank();
            guid = row(session, "upload_guid");
            assertThat(guid).isNotNull();
        } finally {
            Files.delete(send);
            Files.move(aside, send);
        }

        deliverAgain(orderNo);
        simulator.tick();

        assertThat(row(session, "status")).isEqualTo("ANSWERED");
        assertThat(row(session, "attempts")).isEqualTo("2");
        assertThat(row(session, "upload_guid")).isEqualTo(guid);
        assertThat(row(session, "last_error")).isNull();
        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("outcome", "ANSWERED"));
    }

    @Test
    void an_upload_after_the_simulators_deadline_is_judged_late() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();
        ask(orderNo, session, Duration.ZERO);
        Thread.sleep(5); // the upload's arrival must come after a deadline of "now"
        dispatch();
        simulator.tick();
        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("outcome", "LATE"));
    }

    @Test
    void an_upload_past_our_deadline_is_still_sent_and_recorded_late() {
        String orderNo = acceptedOrder();
        String session = session();
        ask(orderNo, session, Duration.ofMinutes(5));
        fixtures.execute("UPDATE payment_data_requests SET deadline_at = '2026-01-01 00:00:00' "
                + "WHERE session_id = ?", session);

        dispatch();

        assertThat(row(session, "status")).isEqualTo("ANSWERED");
        assertThat(fixtures.count("SELECT COUNT(*) FROM payment_data_requests WHERE session_id = ? "
                + "AND deadline_met = FALSE", session)).isEqualTo(1);
    }

    @Test
    void a_restarted_simulator_still_knows_what_it_asked() throws Exception {
        String orderNo = acceptedOrder();
        String session = session();
        ask(orderNo, session, Duration.ofMinutes(5));
        simulator.close();
        simulator = simulator();

        dispatch();
        simulator.tick();

        assertThat(simulator.paymentDataVerdict(session)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("outcome", "ANSWERED"));
    }

    /** Paid, declared (CEB311 sent) and accepted by the simulator. */
    private String acceptedOrder() {
        String orderNo = paidOrder();
        dispatch();
        simulator.tick();
        return orderNo;
    }

    private ImmediateAnswer ask(String orderNo, String session, Duration deadline) {
        return simulator.requestPaymentData(orderNo, session,
                URI.create("http://127.0.0.1:" + platform.getAddress().getPort() + "/179"), TOKEN, deadline);
    }

    private String row(String session, String column) {
        List<String> values = fixtures.strings("SELECT " + column + " FROM payment_data_requests WHERE session_id = ?",
                session);
        return values.isEmpty() ? null : values.get(0);
    }

    private void deliverAgain(String orderNo) {
        var listener = context.getBean(OutboxListeners.class).named(LISTENER).orElseThrow();
        for (String id : fixtures.strings("SELECT id FROM outbox_events WHERE event_type = ? AND business_key = ?",
                PaymentDataRequested.TYPE, orderNo)) {
            String payload = fixtures.strings("SELECT payload FROM outbox_events WHERE id = ?", id).get(0);
            DeliveredEvent event = new DeliveredEvent(id, PaymentDataRequested.TYPE, shop.tenant(), orderNo,
                    Instant.now(), payload, 2, context.getBean(JsonMapper.class));
            TenantContext.callAs(shop.tenant(), () -> transactions().executeWrite(status -> {
                listener.on(event);
                return null;
            }));
        }
    }

    private String paidOrder() {
        String sku = fixtures.product(shop, 29900, "1210", OrderFixtures.LISTED_HS_CODE, 5);
        Carts carts = context.getBean(Carts.class);
        String cartId = TenantContext.callAs(shop.tenant(), () -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.ONE);
            return id;
        });
        Order placed = TenantContext.callAs(shop.tenant(), () -> context.getBean(OrderPlacement.class).place(
                new PlaceOrder(cartId, shop.store(),
                        new CheckoutFacts.Buyer("张三", TestBuyers.newBuyer().value(), "13800138000"),
                        new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                        "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/")))).order();
        TenantContext.callAs(shop.tenant(), () -> context.getBean(OrderPayments.class).pay(new PaymentFacts(
                placed.orderNo(), "2026113023" + placed.orderNo().substring(7), placed.amounts().total(),
                TradeStatus.TRADE_SUCCESS, null)));
        return placed.orderNo();
    }

    private Order order(String orderNo) {
        return TenantContext.callAs(shop.tenant(), () -> context.getBean(OrderReading.class)
                .details(orderNo).order());
    }

    private void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    private Path send() throws IOException {
        return Files.createDirectories(declaring.exchange().resolve("send"));
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    private static String session() {
        return "S" + UUID.randomUUID();
    }
}
