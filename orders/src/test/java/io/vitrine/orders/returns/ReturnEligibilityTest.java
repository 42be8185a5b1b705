package io.vitrine.orders.returns;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.ReturnableOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of {@link ReturnEligibility} and {@link ReturnForm}, with instants at China's day edges. */
class ReturnEligibilityTest {

    /** Midnight 1 December 2026 in Shanghai. */
    static final Instant DEC_1_CHINA = Instant.parse("2026-11-30T16:00:00Z");

    @Test
    void a_return_may_be_requested_until_the_end_of_the_30th_china_day_after_the_release_day() {
        ReturnableOrder released = order(OrderStatus.RELEASED, DEC_1_CHINA); // released on 1 December (China)
        Instant closes = Instant.parse("2026-12-31T16:00:00Z");             // 1 January 00:00 in China

        assertThat(ReturnEligibility.lastDay(DEC_1_CHINA)).hasToString("2026-12-31");
        assertThat(ReturnEligibility.lines(released, form(item("A", 1)), Map.of(), closes.minusNanos(1000)))
                .hasSize(1);
        assertThatThrownBy(() -> ReturnEligibility.lines(released, form(item("A", 1)), Map.of(), closes))
                .isInstanceOf(ReturnRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "RETURN_WINDOW_CLOSED")
                .hasMessageContaining("released on 2026-12-01").hasMessageContaining("the last day was 2026-12-31");
    }

    @Test
    void the_window_tells_the_order_page_why_it_is_closed_with_the_dates() {
        Instant closes = Instant.parse("2026-12-31T16:00:00Z");
        assertThat(ReturnWindow.of(OrderStatus.RELEASED, DEC_1_CHINA, closes.minusNanos(1000)))
                .isEqualTo(new ReturnWindow(null, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")))
                .matches(ReturnWindow::open);
        assertThat(ReturnWindow.of(OrderStatus.DELIVERED, DEC_1_CHINA, closes)).isEqualTo(new ReturnWindow(
                "RETURN_WINDOW_CLOSED", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));
        assertThat(ReturnWindow.of(OrderStatus.PAID, null, DEC_1_CHINA))
                .isEqualTo(new ReturnWindow("NOT_RELEASED", null, null));
    }

    @Test
    void a_release_one_microsecond_before_china_midnight_counts_from_the_day_before() {
        Instant lateOnNov30 = DEC_1_CHINA.minusNanos(1000);
        ReturnableOrder released = order(OrderStatus.SHIPPED, lateOnNov30);
        Instant closes = Instant.parse("2026-12-30T16:00:00Z");

        assertThat(ReturnEligibility.lines(released, form(item("A", 1)), Map.of(), closes.minusNanos(1000)))
                .hasSize(1);
        assertThatThrownBy(() -> ReturnEligibility.lines(released, form(item("A", 1)), Map.of(), closes))
                .hasMessageContaining("released on 2026-11-30").hasMessageContaining("last day was 2026-12-30");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING_PAYMENT", "PAID", "ON_HOLD", "DECLARING", "REJECTED",
            "CANCELLED", "CLOSED"})
    void an_order_customs_has_not_released_is_refused(OrderStatus status) {
        assertThatThrownBy(() -> ReturnEligibility.lines(order(status, null), form(item("A", 1)), Map.of(),
                DEC_1_CHINA)).isInstanceOf(ReturnRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "NOT_RELEASED").hasMessageContaining(status.name());
    }

    @Test
    void quantities_never_exceed_what_was_bought_less_what_open_returns_claim() {
        ReturnableOrder released = order(OrderStatus.DELIVERED, DEC_1_CHINA);
        Instant now = DEC_1_CHINA.plusSeconds(3600);

        List<ReturnLine> lines = ReturnEligibility.lines(released, form(item("A", 1), item("B", 2)), Map.of(1, 2), now);
        assertThat(lines).extracting(ReturnLine::lineNo, ReturnLine::sku, ReturnLine::quantity,
                ReturnLine::orderedQuantity).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "A", 1, 3),
                org.assertj.core.groups.Tuple.tuple(2, "B", 2, 2));
        assertThat(lines.get(0)).extracting(ReturnLine::unitPrice, ReturnLine::lineValue, ReturnLine::lineTax)
                .containsExactly(Money.ofFen(1000), Money.ofFen(3000), Money.ofFen(273));

        ReturnRefusedException refused = refused(() -> ReturnEligibility.lines(released,
                form(item("A", 2), item("X", 1), item("B", 3)), Map.of(1, 2), now));
        assertThat(refused.code()).isEqualTo("RETURN_QUANTITY_EXCEEDED");
        assertThat(refused.fields()).extracting(FieldError::field, FieldError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("items[0].qty", "RETURN_QUANTITY_EXCEEDED"),
                org.assertj.core.groups.Tuple.tuple("items[1].sku", "NOT_IN_ORDER"),
                org.assertj.core.groups.Tuple.tuple("items[2].qty", "RETURN_QUANTITY_EXCEEDED"));
        assertThat(refused.fields().get(0).message()).isEqualTo("at most 1 (bought 3, 2 already being returned)");
    }

    @Test
    void bad_input_names_every_field_and_rule() {
        assertThat(rules(new RequestReturn(null, null))).containsExactly("items:REQUIRED", "reason:REQUIRED");
        assertThat(rules(new RequestReturn(List.of(new RequestReturn.Item("A", 0), new RequestReturn.Item(" ", 1),
                new RequestReturn.Item("A", null), new RequestReturn.Item("B", 1000)), "x".repeat(501))))
                .containsExactly("items[0].qty:QUANTITY_RANGE", "items[1].sku:REQUIRED", "items[2].sku:DUPLICATE",
                        "items[2].qty:REQUIRED", "items[3].qty:QUANTITY_RANGE", "reason:TOO_LONG");
        assertThat(rules(new RequestReturn(java.util.Collections.nCopies(51, new RequestReturn.Item("A", 1)), "x")))
                .containsExactly("items:TOO_MANY_LINES");
    }

    private static List<String> rules(RequestReturn request) {
        try {
            ReturnForm.check(request);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(error -> error.field() + ":" + error.rule()).toList();
        }
        throw new AssertionError("accepted");
    }

    private static ReturnRefusedException refused(Runnable call) {
        try {
            call.run();
        } catch (ReturnRefusedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    private static ReturnForm form(RequestReturn.Item... items) {
        return ReturnForm.check(new RequestReturn(Arrays.asList(items), "too small"));
    }

    private static RequestReturn.Item item(String sku, int qty) {
        return new RequestReturn.Item(sku, qty);
    }

    private static ReturnableOrder order(OrderStatus status, Instant releasedAt) {
        return new ReturnableOrder("id", "V2612010000000000", "S1", status, releasedAt,
                List.of(line(1, "A", 3, 1000), line(2, "B", 2, 500)));
    }

    private static OrderLine line(int lineNo, String sku, int quantity, long unitFen) {
        Money value = Money.ofFen(unitFen * quantity);
        return new OrderLine(lineNo, sku, null, "奶粉", null, "a2", "1901101000", null, "601", "122", "035",
                new BigDecimal("0.9"), null, null, new BigDecimal("1.2"), new BigDecimal("0.9"),
                TradeMode.BONDED_IMPORT, quantity, Money.ofFen(unitFen), value, value,
                new ImportTax(Money.ZERO, Money.ZERO, Money.ofFen(value.fen() * 91 / 1000)));
    }
}
