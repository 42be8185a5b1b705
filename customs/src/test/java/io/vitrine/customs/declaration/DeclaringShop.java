package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.ordering.PaymentOutcome;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.kernel.codes.ResidentIdNumber;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What every declaration suite starts from and keeps doing: a new shop on the suite's declaration context with its
 * customs codes set (EBC {@value #EBC_CODE}), orders placed and paid there, the outbox dispatched, the receipt round
 * run, the declaration store read, events delivered again, and the exchange's send and receive folders. Published in
 * customs' test-jar (oversight's risk suites screen and declare their orders through it).
 */
public final class DeclaringShop {

    public static final String EBC_CODE = "3301964J31";
    public static final String EBC_NAME = "测试跨境商户";

    /** The consignee of the orders this shop places unless told otherwise: 张三 in Shenzhen. */
    public static final PlaceOrder.Consignee CONSIGNEE = new PlaceOrder.Consignee("张三", "13800138000", "440305",
            "广东省深圳市南山区科技园1号");

    private final DeclarationContexts.Declaring declaring;
    private final ApplicationContext context;
    private final OrderFixtures fixtures;
    private final Shop shop;

    /** A new shop on this context, its customs codes set. */
    public DeclaringShop(DeclarationContexts.Declaring declaring) {
        this.declaring = declaring;
        this.context = declaring.context();
        this.fixtures = new OrderFixtures(context, declaring.fake());
        this.shop = fixtures.shop();
        fixtures.execute("UPDATE tenant_settings SET customs_ebc_code = ?, customs_ebc_name = ? WHERE tenant_id = ?",
                EBC_CODE, EBC_NAME, shop.tenant().value());
    }

    public DeclarationContexts.Declaring declaring() {
        return declaring;
    }

    public ApplicationContext context() {
        return context;
    }

    public OrderFixtures fixtures() {
        return fixtures;
    }

    public Shop shop() {
        return shop;
    }

    /** An order of one unit of this sku placed by this buyer (consignee 张三 in Shenzhen), not yet paid. */
    public Order placedOrder(String sku, String buyerName, ResidentIdNumber buyer) {
        return placedOrder(sku, 1, buyerName, buyer);
    }

    /** An order of {@code units} units of this sku placed by this buyer (consignee 张三 in Shenzhen), not yet paid. */
    public Order placedOrder(String sku, int units, String buyerName, ResidentIdNumber buyer) {
        return placedOrder(sku, units, buyerName, buyer, CONSIGNEE);
    }

    /** An order of {@code units} units of this sku placed by this buyer for this consignee, not yet paid. */
    public Order placedOrder(String sku, int units, String buyerName, ResidentIdNumber buyer,
                             PlaceOrder.Consignee consignee) {
        Carts carts = context.getBean(Carts.class);
        String cartId = as(() -> {
            String id = carts.create(shop.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.valueOf(units));
            return id;
        });
        return as(() -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId, shop.store(),
                new CheckoutFacts.Buyer(buyerName, buyer.value(), "13800138000"), consignee, true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/")))).order();
    }

    /** The order paid in full under this trade number, as Alipay's notification would pay it. */
    public PaymentOutcome pay(Order placed, String tradeNo) {
        return as(() -> context.getBean(OrderPayments.class).pay(new PaymentFacts(placed.orderNo(), tradeNo,
                placed.amounts().total(), TradeStatus.TRADE_SUCCESS, null)));
    }

    /** The order paid at the fake Alipay for real (a refund or the payment leg finds the trade), then here. */
    public PaymentOutcome payAtTheFake(Order placed) {
        return pay(placed, declaring.fake().pay(placed.orderNo()).trade().tradeNo());
    }

    public void dispatch() {
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    /** One receipt round; how many receipts it read. */
    public int round() {
        return context.getBean(ReceiptIntake.class).round().orElseThrow();
    }

    /** Every event of this type about the order handed to the named listener again, as a redelivery would. */
    public void deliverAgain(String listenerName, String type, String orderNo) {
        var listener = context.getBean(OutboxListeners.class).named(listenerName).orElseThrow();
        for (String id : fixtures.strings("SELECT id FROM outbox_events WHERE event_type = ? AND business_key = ?",
                type, orderNo)) {
            String payload = fixtures.strings("SELECT payload FROM outbox_events WHERE id = ?", id).get(0);
            DeliveredEvent event = new DeliveredEvent(id, type, shop.tenant(), orderNo, Instant.now(), payload, 2,
                    context.getBean(JsonMapper.class));
            as(() -> transactions().executeWrite(status -> {
                listener.on(event);
                return null;
            }));
        }
    }

    /** Reads the declaration store in a read-only transaction, as this shop. */
    public <T> T read(Function<DeclarationStore, T> query) {
        DeclarationStore store = context.getBean(DeclarationStore.class);
        return as(() -> transactions().executeRead(status -> query.apply(store)));
    }

    public Declaration declaration(String orderNo) {
        return read(store -> store.find(shop.tenant(), orderNo)).orElseThrow();
    }

    public List<DeclarationMessage> messages(String orderNo) {
        return read(store -> store.messages(shop.tenant(), orderNo));
    }

    @SuppressWarnings("unchecked")
    public TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    /** The names of the files in the send folder that carry one of the order's messages. */
    public List<String> sentFiles(String orderNo) throws IOException {
        List<String> guids = fixtures.strings("SELECT guid FROM declaration_messages WHERE order_no = ?", orderNo);
        try (Stream<Path> files = Files.list(send())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> guids.stream().anyMatch(name::contains)).toList();
        }
    }

    public Path send() throws IOException {
        return Files.createDirectories(declaring.exchange().resolve("send"));
    }

    public Path receiveFolder() throws IOException {
        return Files.createDirectories(declaring.exchange().resolve("receive"));
    }

    public <T> T as(TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(shop.tenant(), work);
    }
}
