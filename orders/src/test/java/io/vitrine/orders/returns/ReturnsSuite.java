package io.vitrine.orders.returns;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.carts.Carts;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.numbers.ReturnNumber;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.ordering.OrderPlacement;
import io.vitrine.orders.ordering.OrderReading;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PlaceOrder;
import io.vitrine.orders.ordering.PlacedOrder;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.OrderingContexts.Ordering;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.kernel.files.SampleFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Returns on H2 and on MariaDB, against the real services: orders placed and paid through the fake Alipay, released
 * through {@link Clearances} as customs does, then requested by the shopper (with the order's token) or at the counter,
 * approved or rejected by the retailer. The 30-day window is crossed with the context's {@link MutableClock}.
 */
abstract class ReturnsSuite {

    private final ReturningShop returning = new ReturningShop(ordering());
    private final ApplicationContext context = returning.context();
    private final FakeAlipay fake = returning.fake();
    private final OrderFixtures fixtures = returning.fixtures();
    private final Shop shop = returning.shop();
    private final Actor admin = staff(shop, StaffRole.RETAILER_ADMIN);

    protected abstract Ordering ordering();

    @Test
    void a_shopper_asks_back_part_of_a_released_order_with_its_token() {
        Released order = released(shop, 3);

        ReturnRequest requested = asShop(() -> shopper().request(order.orderNo(), order.token(),
                request(order.sku(), 2, "  too many tins  ")));

        assertThat(ReturnNumber.isValid(requested.returnNo())).isTrue();
        assertThat(requested.returnNo()).startsWith("R" + ChinaTime.today(returning.clock()).format(
                java.time.format.DateTimeFormatter.ofPattern("yyMMdd")));
        assertThat(requested).extracting(ReturnRequest::status, ReturnRequest::channel, ReturnRequest::openedBy,
                ReturnRequest::reason, ReturnRequest::orderNo, ReturnRequest::storeCode).containsExactly(
                ReturnStatus.REQUESTED, ReturnChannel.SHOPPER, "shopper", "too many tins", order.orderNo(), "S1");
        ReturnRequest stored = asShop(() -> staffReturns().get(admin, requested.returnNo()));
        assertThat(stored).isEqualTo(requested);
        assertThat(stored.releasedAt()).isEqualTo(order.releasedAt());
        assertThat(stored.lines()).extracting(ReturnLine::lineNo, ReturnLine::sku, ReturnLine::quantity,
                ReturnLine::orderedQuantity, line -> line.unitPrice().fen(), line -> line.lineValue().fen(),
                line -> line.lineTax().fen()).containsExactly(tuple(1, order.sku(), 2, 3, 29900L, 89700L, 8163L));
        assertThat(context.getBean(BusinessKeys.class).tenantOf(BusinessKeyKind.RETURN_NO, requested.returnNo()))
                .contains(shop.tenant());
        assertThat(asShop(() -> shopper().ofOrder(order.orderNo(), order.token()))).containsExactly(stored);
        assertThat(notes(order.orderNo())).containsExactly(tuple("shopper", "return " + requested.returnNo()
                + " requested: 2 × " + order.sku()));

        assertThatThrownBy(() -> asShop(() -> shopper().request(order.orderNo(), order.token() + "x",
                request(order.sku(), 1, "x")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asShop(() -> shopper().request(order.orderNo(), null, request(order.sku(), 1, "x"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(returnsOf(order.orderNo())).isEqualTo(1);
    }

    @Test
    void an_order_customs_has_not_released_is_refused_not_released_and_nothing_is_recorded() {
        PlacedOrder paid = paid(shop, 1);
        String sku = skuOf(paid.order().orderNo());

        assertThatThrownBy(() -> asShop(() -> shopper().request(paid.order().orderNo(), paid.orderToken(),
                request(sku, 1, "broken")))).isInstanceOf(ReturnRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "NOT_RELEASED").hasMessageContaining("PAID");
        asShop(() -> context.getBean(Clearances.class).declaring(paid.order().orderNo()));
        assertThatThrownBy(() -> asShop(() -> shopper().request(paid.order().orderNo(), paid.orderToken(),
                request(sku, 1, "broken")))).hasFieldOrPropertyWithValue("code", "NOT_RELEASED");
        assertThat(returnsOf(paid.order().orderNo())).isZero();
    }

    @Test
    void the_window_closes_at_the_end_of_the_30th_day_after_release_in_china() {
        Released order = released(shop, 2);
        Instant closes = ChinaTime.endOfDay(ChinaTime.dateOf(order.releasedAt()).plusDays(30));
        Duration untilClosed = Duration.between(returning.clock().instant(), closes);

        ReturnRequest lastMoment = returning.later(untilClosed.minusNanos(1000), () -> asShop(() -> shopper().request(
                order.orderNo(), order.token(), request(order.sku(), 1, "last day"))));
        assertThat(lastMoment.status()).isEqualTo(ReturnStatus.REQUESTED);

        assertThatThrownBy(() -> returning.later(untilClosed, () -> asShop(() -> shopper().request(order.orderNo(),
                order.token(), request(order.sku(), 1, "too late"))))).isInstanceOf(ReturnRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "RETURN_WINDOW_CLOSED")
                .hasMessageContaining("released on " + ChinaTime.dateOf(order.releasedAt()))
                .hasMessageContaining("the last day was " + ChinaTime.dateOf(order.releasedAt()).plusDays(30));
        assertThat(returnsOf(order.orderNo())).isEqualTo(1);
    }

    @Test
    void quantities_never_exceed_what_was_bought_less_what_open_returns_claim() {
        Released order = released(shop, 3);
        ReturnRequest first = open(order, 2);

        ReturnRefusedException tooMany = refused(() -> open(order, 2));
        assertThat(tooMany.code()).isEqualTo("RETURN_QUANTITY_EXCEEDED");
        assertThat(tooMany.fields()).extracting(FieldError::field, FieldError::rule, FieldError::message)
                .containsExactly(tuple("items[0].qty", "RETURN_QUANTITY_EXCEEDED",
                        "at most 1 (bought 3, 2 already being returned)"));
        ReturnRefusedException unknown = refused(() -> asShop(() -> shopper().request(order.orderNo(), order.token(),
                new RequestReturn(List.of(new RequestReturn.Item(order.sku(), 1),
                        new RequestReturn.Item("NOT-BOUGHT", 1)), "mixed up"))));
        assertThat(unknown.code()).isEqualTo("NOT_IN_ORDER");
        assertThat(unknown.fields()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("items[1].sku", "NOT_IN_ORDER"));
        assertThat(returnsOf(order.orderNo())).as("a refusal records nothing, not even its good lines").isEqualTo(1);

        open(order, 1);
        assertThat(refused(() -> open(order, 1)).code()).isEqualTo("RETURN_QUANTITY_EXCEEDED");
        // a rejected return gives its units back
        asShop(() -> decisions().reject(admin, first.returnNo(), "opened tins are not taken back"));
        assertThat(open(order, 2).lines()).extracting(ReturnLine::quantity).containsExactly(2);
    }

    @Test
    void customs_refusing_a_return_is_final_frees_its_units_within_the_window_and_moves_no_goods_or_money() {
        Released order = released(shop, 2);
        String returnNo = asShop(() -> decisions().approve(admin, open(order, 2).returnNo())).returnNo();
        long onHand = fixtures.onHand(shop, order.sku());
        ReturnClearances customs = context.getBean(ReturnClearances.class);
        assertThat(asShop(() -> customs.declared(returnNo))).isTrue();

        assertThat(asShop(() -> customs.refusedByCustoms(returnNo, "商品已开封，不予退货"))).isTrue();
        ReturnRequest refused = asShop(() -> staffReturns().get(admin, returnNo));
        assertThat(refused).extracting(ReturnRequest::status, ReturnRequest::rejectionReason)
                .containsExactly(ReturnStatus.REJECTED, "商品已开封，不予退货");
        assertThat(asShop(() -> customs.accepted(returnNo))).as("final: a later acceptance changes nothing").isFalse();
        assertThatThrownBy(() -> asShop(() -> context.getBean(GoodsReceipts.class).byStaff(admin, returnNo)))
                .isInstanceOf(ConflictException.class);
        assertThat(asShop(() -> staffReturns().get(admin, returnNo)).status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(fixtures.onHand(shop, order.sku())).as("no stock back").isEqualTo(onHand);
        assertThat(fixtures.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                ReturnReceived.TYPE, returnNo)).as("no refund").isZero();
        assertThat(asShop(() -> shopper().ofOrder(order.orderNo(), order.token()))).filteredOn(r -> r.returnNo()
                .equals(returnNo)).extracting(ReturnRequest::rejectionReason).containsExactly("商品已开封，不予退货");

        // its units may be asked back again, by the same 30-day window
        ReturnRequest again = open(order, 2);
        asShop(() -> decisions().reject(admin, again.returnNo(), "asked twice"));
        Instant closes = ChinaTime.endOfDay(ChinaTime.dateOf(order.releasedAt()).plusDays(30));
        assertThat(refused(() -> returning.later(Duration.between(returning.clock().instant(), closes),
                () -> open(order, 2))).code()).isEqualTo("RETURN_WINDOW_CLOSED");
    }

    @Test
    void bad_input_is_refused_with_every_field_and_rule_and_changes_nothing() {
        Released order = released(shop, 1);

        InvalidInputException invalid = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                asShop(() -> shopper().request(order.orderNo(), order.token(), new RequestReturn(List.of(
                        new RequestReturn.Item(order.sku(), 0), new RequestReturn.Item(order.sku(), 1)), " "))));
        assertThat(invalid.errors()).extracting(e -> e.field() + ":" + e.rule()).containsExactly(
                "items[0].qty:QUANTITY_RANGE", "items[1].sku:DUPLICATE", "reason:REQUIRED");
        assertThatThrownBy(() -> asShop(() -> staffReturns().openAtCounter(admin, order.orderNo(),
                new RequestReturn(List.of(), "x")))).isInstanceOf(InvalidInputException.class);
        assertThat(returnsOf(order.orderNo())).isZero();
    }

    @Test
    void the_retailer_approves_a_requested_return_once_publishing_return_approved() {
        Released order = released(shop, 2);
        ReturnRequest requested = open(order, 2);

        ReturnRequest approved = asShop(() -> decisions().approve(admin, requested.returnNo()));

        assertThat(approved).extracting(ReturnRequest::status, ReturnRequest::decidedBy, ReturnRequest::version)
                .containsExactly(ReturnStatus.APPROVED, admin.id(), 1);
        assertThat(asShop(() -> staffReturns().get(admin, requested.returnNo()))).isEqualTo(approved);
        assertThat(events(requested.returnNo())).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"orderNo\":\"" + order.orderNo() + "\"", "\"lineNo\":1", "\"qty\":2",
                        "\"sku\":\"" + order.sku() + "\""));

        assertThatThrownBy(() -> asShop(() -> decisions().approve(admin, requested.returnNo())))
                .isInstanceOf(ConflictException.class).hasMessage("A return APPROVED cannot become APPROVED.");
        assertThatThrownBy(() -> asShop(() -> decisions().reject(admin, requested.returnNo(), "changed my mind")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("A return APPROVED is decided already: it cannot become REJECTED by the retailer.");
        assertThat(events(requested.returnNo())).hasSize(1);
        assertThat(notes(order.orderNo())).endsWith(tuple(admin.id(), "return " + requested.returnNo()
                + " approved")).hasSize(2);
        assertThat(asShop(() -> context.getBean(OrderReading.class).details(order.orderNo())).order().status())
                .as("the order waits for the goods").isEqualTo(OrderStatus.RELEASED);
        assertThat(refused(() -> open(order, 1)).code()).as("an approved return still claims its units")
                .isEqualTo("RETURN_QUANTITY_EXCEEDED");
    }

    @Test
    void the_retailer_rejects_a_requested_return_with_a_reason() {
        Released order = released(shop, 1);
        ReturnRequest requested = open(order, 1);

        assertThatThrownBy(() -> asShop(() -> decisions().reject(admin, requested.returnNo(), "  ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        ReturnRequest rejected = asShop(() -> decisions().reject(admin, requested.returnNo(), " seal broken "));

        assertThat(rejected).extracting(ReturnRequest::status, ReturnRequest::rejectionReason, ReturnRequest::decidedBy)
                .containsExactly(ReturnStatus.REJECTED, "seal broken", admin.id());
        assertThat(notes(order.orderNo())).endsWith(tuple(admin.id(), "return " + requested.returnNo()
                + " rejected: seal broken"));
        assertThat(asShop(() -> staffReturns().get(admin, requested.returnNo())).status())
                .isEqualTo(ReturnStatus.REJECTED);
        assertThatThrownBy(() -> asShop(() -> decisions().approve(admin, requested.returnNo())))
                .isInstanceOf(ConflictException.class);
        assertThat(events(requested.returnNo())).isEmpty();
        assertThatThrownBy(() -> asShop(() -> decisions().approve(admin, "R2612010000000000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void of_concurrent_approvals_exactly_one_wins_and_the_others_are_conflicts() throws Exception {
        Released order = released(shop, 1);
        ReturnRequest requested = open(order, 1);

        List<Object> outcomes = race(8, () -> asShop(() -> decisions().approve(admin, requested.returnNo())));

        assertThat(outcomes).filteredOn(ReturnRequest.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(7);
        assertThat(events(requested.returnNo())).hasSize(1);
    }

    @Test
    void concurrent_requests_for_one_order_never_claim_more_units_than_were_bought() throws Exception {
        Released order = released(shop, 3);

        List<Object> outcomes = race(8, () -> open(order, 1));

        assertThat(outcomes).filteredOn(ReturnRequest.class::isInstance).hasSize(3);
        assertThat(outcomes).filteredOn(ReturnRefusedException.class::isInstance).hasSize(5)
                .allSatisfy(refusal -> assertThat(((ReturnRefusedException) refusal).code())
                        .isEqualTo("RETURN_QUANTITY_EXCEEDED"));
        assertThat(fixtures.count("SELECT COALESCE(SUM(l.quantity), 0) FROM order_return_lines l JOIN order_returns r "
                + "ON r.id = l.return_id WHERE r.order_no = ?", order.orderNo())).isEqualTo(3);
    }

    @Test
    void staff_open_a_return_at_the_counter_and_store_managers_see_only_their_stores() {
        Released order = released(shop, 2);
        Actor manager = staff(shop, StaffRole.STORE_MANAGER, "S1");
        Actor elsewhere = staff(shop, StaffRole.STORE_MANAGER, "S2");

        assertThatThrownBy(() -> asShop(() -> staffReturns().openAtCounter(elsewhere, order.orderNo(),
                request(order.sku(), 1, "at the counter")))).isInstanceOf(NotFoundException.class);
        ReturnRequest counter = asShop(() -> staffReturns().openAtCounter(manager, order.orderNo(),
                request(order.sku(), 1, "at the counter")));
        ReturnRequest online = open(order, 1);

        assertThat(counter).extracting(ReturnRequest::channel, ReturnRequest::openedBy)
                .containsExactly(ReturnChannel.COUNTER, manager.id());
        assertThat(notes(order.orderNo())).startsWith(tuple(manager.id(), "return " + counter.returnNo()
                + " requested at the counter: 1 × " + order.sku()));
        assertThat(asShop(() -> staffReturns().list(manager, null, 0, 10)).items())
                .extracting(ReturnRequest::returnNo).containsExactly(online.returnNo(), counter.returnNo());
        assertThat(asShop(() -> staffReturns().list(elsewhere, null, 0, 10)).total()).isZero();
        assertThatThrownBy(() -> asShop(() -> staffReturns().get(elsewhere, counter.returnNo())))
                .isInstanceOf(NotFoundException.class);
        asShop(() -> decisions().approve(admin, counter.returnNo()));
        ReturnRequests.ReturnPage approved = asShop(() -> staffReturns().list(admin, ReturnStatus.APPROVED, 0, 10));
        assertThat(approved.items()).extracting(ReturnRequest::returnNo).containsExactly(counter.returnNo());
        assertThat(approved.total()).isEqualTo(1);
        assertThat(asShop(() -> staffReturns().list(admin, ReturnStatus.REQUESTED, 0, 1)))
                .satisfies(page -> assertThat(page.items()).hasSize(1))
                .satisfies(page -> assertThat(page.total()).isEqualTo(1));
    }

    @Test
    void another_tenant_finds_neither_the_order_nor_its_returns() {
        Released order = released(shop, 2);
        ReturnRequest requested = open(order, 1);
        Shop other = fixtures.shop();
        Actor otherAdmin = staff(other, StaffRole.RETAILER_ADMIN);

        assertThatThrownBy(() -> as(other, () -> shopper().request(order.orderNo(), order.token(),
                request(order.sku(), 1, "x")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> staffReturns().openAtCounter(otherAdmin, order.orderNo(),
                request(order.sku(), 1, "x")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> staffReturns().get(otherAdmin, requested.returnNo())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> decisions().approve(otherAdmin, requested.returnNo())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> decisions().reject(otherAdmin, requested.returnNo(), "x")))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(other, () -> staffReturns().list(otherAdmin, null, 0, 10)).total()).isZero();
        assertThat(asShop(() -> staffReturns().get(admin, requested.returnNo())).status())
                .isEqualTo(ReturnStatus.REQUESTED);
    }

    // --- photos

    @Test
    void a_shopper_attaches_photos_told_by_their_bytes_and_only_the_order_s_holders_see_them() throws Exception {
        Released order = released(shop, 1);
        ReturnRequest requested = open(order, 1);
        byte[] jpeg = SampleFiles.jpeg();

        ReturnPhoto first = asShop(() -> photos().addByShopper(requested.returnNo(), order.token(),
                new ByteArrayInputStream(jpeg)));
        ReturnPhoto second = asShop(() -> photos().addByShopper(requested.returnNo(), order.token(),
                new ByteArrayInputStream(SampleFiles.png())));
        ReturnPhoto third = asShop(() -> photos().addByShopper(requested.returnNo(), order.token(),
                new ByteArrayInputStream(SampleFiles.webp())));

        assertThat(List.of(first, second, third)).extracting(ReturnPhoto::contentType, ReturnPhoto::addedBy)
                .containsExactly(tuple("image/jpeg", "shopper"), tuple("image/png", "shopper"),
                        tuple("image/webp", "shopper"));
        assertThat(first.size()).isEqualTo(jpeg.length);
        assertThat(asShop(() -> photos().forShopper(requested.returnNo(), order.token())))
                .containsExactly(first, second, third);
        assertThat(asShop(() -> photos().forStaff(admin, requested.returnNo()))).containsExactly(first, second, third);
        try (var content = asShop(() -> photos().openForStaff(admin, requested.returnNo(), first.id()))) {
            assertThat(content.stream().readAllBytes()).isEqualTo(jpeg);
        }
        try (var content = asShop(() -> photos().openForShopper(requested.returnNo(), order.token(), second.id()))) {
            assertThat(content.file().contentType()).isEqualTo("image/png");
        }
        // stored under generated ids with a name of ours, never the client's
        assertThat(fixtures.strings("SELECT filename FROM stored_files WHERE id = ?", first.id()))
                .containsExactly(requested.returnNo() + "-photo.jpeg");

        Shop other = fixtures.shop();
        Actor otherAdmin = staff(other, StaffRole.RETAILER_ADMIN);
        Actor elsewhere = staff(shop, StaffRole.STORE_MANAGER, "S9");
        assertThatThrownBy(() -> asShop(() -> photos().forShopper(requested.returnNo(), "not-the-token")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asShop(() -> photos().openForShopper(requested.returnNo(), null, first.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asShop(() -> photos().addByShopper(requested.returnNo(), released(shop, 1).token(),
                new ByteArrayInputStream(jpeg)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> photos().openForStaff(otherAdmin, requested.returnNo(), first.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other, () -> photos().addByStaff(otherAdmin, requested.returnNo(),
                new ByteArrayInputStream(jpeg)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asShop(() -> photos().forStaff(elsewhere, requested.returnNo())))
                .isInstanceOf(NotFoundException.class);
        assertThat(photoRows(requested.returnNo())).isEqualTo(3);
    }

    @Test
    void bad_photos_are_refused_naming_the_field_and_the_rule_and_nothing_is_stored() {
        Released order = released(shop, 1);
        ReturnRequest requested = open(order, 1);
        int filesBefore = returnPhotoFiles();

        InvalidInputException renamedText = (InvalidInputException) catchThrowable(() -> asShop(() ->
                photos().addByShopper(requested.returnNo(), order.token(),
                        new ByteArrayInputStream("just text, named photo.jpg".getBytes(StandardCharsets.UTF_8)))));
        assertThat(renamedText.errors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("photo", "NOT_AN_IMAGE"));
        InvalidInputException empty = (InvalidInputException) catchThrowable(() -> asShop(() ->
                photos().addByShopper(requested.returnNo(), order.token(), new ByteArrayInputStream(new byte[0]))));
        assertThat(empty.errors()).extracting(FieldError::rule).containsExactly("EMPTY");

        byte[] tooLarge = Arrays.copyOf(SampleFiles.jpeg(), 5 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> asShop(() -> photos().addByShopper(requested.returnNo(), order.token(),
                new ByteArrayInputStream(tooLarge)))).isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileRejectedException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).startsWith("photo: TOO_LARGE");
                });
        byte[] justFits = Arrays.copyOf(SampleFiles.jpeg(), 5 * 1024 * 1024);
        assertThat(asShop(() -> photos().addByShopper(requested.returnNo(), order.token(),
                new ByteArrayInputStream(justFits))).size()).isEqualTo(justFits.length);
        assertThat(photoRows(requested.returnNo())).isEqualTo(1);
        assertThat(returnPhotoFiles()).isEqualTo(filesBefore + 1);
    }

    @Test
    void a_return_holds_five_photos_while_requested_and_staff_add_them_at_the_counter() {
        Released order = released(shop, 2);
        ReturnRequest counter = asShop(() -> staffReturns().openAtCounter(admin, order.orderNo(),
                request(order.sku(), 1, "dented")));
        for (int i = 0; i < ReturnPhotos.MAX_PER_RETURN; i++) {
            asShop(() -> photos().addByStaff(admin, counter.returnNo(), new ByteArrayInputStream(SampleFiles.png())));
        }
        int filesBefore = returnPhotoFiles();

        ReturnRefusedException sixth = refused(() -> asShop(() -> photos().addByStaff(admin, counter.returnNo(),
                new ByteArrayInputStream(SampleFiles.png()))));
        assertThat(sixth.code()).isEqualTo("TOO_MANY_PHOTOS");
        assertThat(sixth.fields()).extracting(FieldError::field).containsExactly("photo");
        assertThat(photoRows(counter.returnNo())).isEqualTo(5);
        assertThat(returnPhotoFiles()).isEqualTo(filesBefore);
        assertThat(asShop(() -> photos().forShopper(counter.returnNo(), order.token())))
                .extracting(ReturnPhoto::addedBy).containsOnly(admin.id());

        ReturnRequest other = open(order, 1);
        asShop(() -> decisions().approve(admin, other.returnNo()));
        assertThatThrownBy(() -> asShop(() -> photos().addByShopper(other.returnNo(), order.token(),
                new ByteArrayInputStream(SampleFiles.png())))).isInstanceOf(ConflictException.class);
        assertThat(photoRows(other.returnNo())).isZero();
    }

    private int photoRows(String returnNo) {
        return fixtures.count("SELECT COUNT(*) FROM return_photos WHERE return_no = ? AND tenant_id = ?", returnNo,
                shop.tenant().value());
    }

    private int returnPhotoFiles() {
        return fixtures.count("SELECT COUNT(*) FROM stored_files WHERE category = 'return-photo' AND tenant_id = ?",
                shop.tenant().value());
    }

    private ReturnPhotos photos() {
        return context.getBean(ReturnPhotos.class);
    }

    // --- the shop's steps

    /** An order released by customs: its number, token, SKU and release time. */
    private record Released(String orderNo, String token, String sku, Instant releasedAt) {
    }

    private Released released(Shop in, int quantity) {
        PlacedOrder paid = paid(in, quantity);
        String orderNo = paid.order().orderNo();
        Clearances clearances = context.getBean(Clearances.class);
        Instant before = returning.clock().instant();
        as(in, () -> clearances.declaring(orderNo) && clearances.released(orderNo));
        Instant releasedAt = as(in, () -> context.getBean(OrderReading.class).details(orderNo)).history().stream()
                .filter(entry -> entry.to() == OrderStatus.RELEASED).findFirst().orElseThrow().at();
        assertThat(releasedAt).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        return new Released(orderNo, paid.orderToken(), skuOf(orderNo), releasedAt);
    }

    private PlacedOrder paid(Shop in, int quantity) {
        String sku = fixtures.product(in, 29900, 10);
        Carts carts = context.getBean(Carts.class);
        String cartId = as(in, () -> {
            String id = carts.create(in.store()).cart().id();
            carts.setQuantity(id, sku, BigDecimal.valueOf(quantity));
            return id;
        });
        PlacedOrder placed = as(in, () -> context.getBean(OrderPlacement.class).place(new PlaceOrder(cartId,
                in.store(), new CheckoutFacts.Buyer("张三", TestBuyers.newBuyer().value(), "13800138000"),
                new PlaceOrder.Consignee("张三", "13800138000", "440305", "广东省深圳市南山区科技园1号"), true,
                "ALIPAY_QR", null, URI.create("http://shop.test/s/x/orders/"))));
        fake.pay(placed.order().orderNo());
        assertThat(as(in, () -> context.getBean(OrderReading.class).details(placed.order().orderNo())).order()
                .status()).isEqualTo(OrderStatus.PAID);
        return placed;
    }

    private ReturnRequest open(Released order, int qty) {
        return asShop(() -> shopper().request(order.orderNo(), order.token(), request(order.sku(), qty, "not needed")));
    }

    private static RequestReturn request(String sku, int qty, String reason) {
        return new RequestReturn(List.of(new RequestReturn.Item(sku, qty)), reason);
    }

    private String skuOf(String orderNo) {
        return as(shop, () -> context.getBean(OrderReading.class).details(orderNo)).lines().get(0).sku();
    }

    /** A staff member of the shop (a real account, so store scopes can name it) with these stores. */
    private Actor staff(Shop in, StaffRole role, String... stores) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO staff_accounts (id, tenant_id, username, password_hash, role, status, created_at) "
                + "VALUES (?, ?, ?, 'x', ?, 'ACTIVE', '2026-11-30 00:00:00')", id, in.tenant().value(),
                "staff-" + id, role.name());
        for (String store : stores) {
            fixtures.execute("INSERT INTO staff_store_scopes (id, tenant_id, staff_id, store_code) VALUES (?, ?, ?, ?)",
                    UUID.randomUUID().toString(), in.tenant().value(), id, store);
        }
        return Actor.staff(id, "staff-" + id, role, in.tenant());
    }

    /** The notes on the order's timeline (actor, text), oldest first. */
    private List<org.assertj.core.groups.Tuple> notes(String orderNo) {
        return asShop(() -> context.getBean(OrderReading.class).details(orderNo)).history().stream()
                .filter(entry -> entry.kind() == io.vitrine.orders.ordering.HistoryEntry.Kind.NOTE)
                .map(entry -> tuple(entry.actor(), entry.reason())).toList();
    }

    private int returnsOf(String orderNo) {
        return fixtures.count("SELECT COUNT(*) FROM order_returns WHERE order_no = ?", orderNo);
    }

    private List<String> events(String returnNo) {
        return fixtures.strings("SELECT payload FROM outbox_events WHERE event_type = ? AND business_key = ?",
                ReturnApproved.TYPE, returnNo);
    }

    private static ReturnRefusedException refused(Runnable call) {
        try {
            call.run();
        } catch (ReturnRefusedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    /** The same call from {@code threads} threads released at once: each one's answer or exception. */
    private static List<Object> race(int threads, Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private ShopperReturns shopper() {
        return context.getBean(ShopperReturns.class);
    }

    private StaffReturns staffReturns() {
        return context.getBean(StaffReturns.class);
    }

    private ReturnDecisions decisions() {
        return context.getBean(ReturnDecisions.class);
    }

    private <T> T asShop(TenantContext.Work<T, RuntimeException> work) {
        return as(shop, work);
    }

    private <T> T as(Shop in, TenantContext.Work<T, RuntimeException> work) {
        return TenantContext.callAs(in.tenant(), work);
    }
}
