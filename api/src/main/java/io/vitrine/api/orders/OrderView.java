package io.vitrine.api.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.orders.ordering.ClearanceRefusal;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.PayMethod;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An order as the shopper (by token) and the shop's staff read it: status, amounts in fen, payment, the buyer and
 * consignee masked, the lines and the timeline. Never plain personal data. Staff also see the paired kiosk it was
 * placed on ({@code deviceKey}, absent for any other order), the shopper never.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String orderNo, String status, String storeCode, @Nullable String deviceKey, String tradeMode,
                        Instant placedAt, Amounts amounts, Payment payment, @Nullable Buyer buyer,
                        @Nullable Consignee consignee, List<Line> lines, List<TimelineEntry> timeline) {

    /** The shopper's view. */
    public static OrderView of(OrderDetails details) {
        return of(details, (String) null);
    }

    /**
     * The shopper's view in their language: a timeline reason that is one of clearance's refusals (orders'
     * {@link ClearanceRefusal}, e.g. the payer is not the buyer) reads in zh-CN or English; other notes as recorded.
     */
    public static OrderView of(OrderDetails details, Locale locale) {
        return of(details, null, locale);
    }

    /** The staff's view: with the key of the kiosk the order was placed on, if any. */
    public static OrderView of(OrderDetails details, @Nullable String deviceKey) {
        return of(details, deviceKey, Locale.ENGLISH);
    }

    private static OrderView of(OrderDetails details, @Nullable String deviceKey, Locale locale) {
        Order order = details.order();
        return new OrderView(order.orderNo(), order.status().name(), order.storeCode(), deviceKey,
                order.tradeMode().code(), order.placedAt(), Amounts.of(order.amounts()), Payment.of(order),
                details.buyer() == null ? null : new Buyer(details.buyer().name(), details.buyer().idNumber(),
                        details.buyer().phone()),
                details.consignee() == null ? null : new Consignee(details.consignee().name(),
                        details.consignee().phone(), details.consignee().districtCode(), details.consignee().address()),
                details.lines().stream().map(Line::of).toList(),
                details.history().stream().map(entry -> TimelineEntry.of(entry, locale)).toList());
    }

    @Serdeable
    public record Amounts(long goodsValueFen, long freightFen, long insuranceFen, long discountFen, long taxFen,
                          long totalFen) {

        public static Amounts of(CheckoutAmounts amounts) {
            return new Amounts(amounts.goodsValue().fen(), amounts.freight().fen(), amounts.insurance().fen(),
                    amounts.discount().fen(), amounts.tax().fen(), amounts.total().fen());
        }
    }

    /** {@code qrCode} for ALIPAY_QR, {@code redirectUrl} for ALIPAY_WAP; refunds once refunded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String method, @Nullable String qrCode, @Nullable String redirectUrl, Instant expiresAt,
                          @Nullable Instant paidAt, @Nullable Long refundedFen) {

        public static Payment of(Order order) {
            boolean qr = order.payMethod() == PayMethod.ALIPAY_QR;
            return new Payment(order.payMethod().name(), qr ? order.paymentLink() : null,
                    qr ? null : order.paymentLink(), order.paymentExpiresAt(), order.paidAt(),
                    order.refunded() == null ? null : order.refunded().fen());
        }
    }

    @Serdeable
    public record Buyer(String name, String idNumber, String phone) {
    }

    @Serdeable
    public record Consignee(String name, String phone, String districtCode, String address) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String sku, String name, @Nullable String nameEn, int qty, long unitPriceFen, long valueFen,
                       long taxFen) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.nameZh(), line.nameEn(), line.quantity(), line.unitPrice().fen(),
                    line.value().fen(), line.tax().total().fen());
        }
    }

    /** A status change ({@code from} → {@code status}) or a note ({@code note} set, the status unchanged). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(String status, @Nullable String from, Instant at, @Nullable String note) {

        static TimelineEntry of(HistoryEntry entry, Locale locale) {
            boolean note = entry.kind() == HistoryEntry.Kind.NOTE;
            return new TimelineEntry(entry.to().name(), note || entry.from() == null ? null : entry.from().name(),
                    entry.at(), entry.reason() == null ? null : ClearanceRefusal.localized(entry.reason(), locale));
        }
    }
}
