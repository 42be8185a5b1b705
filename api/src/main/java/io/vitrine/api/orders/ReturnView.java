package io.vitrine.api.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.returns.ReturnLine;
import io.vitrine.orders.returns.ReturnRequest;

import java.time.Instant;
import java.util.List;

/**
 * A return as staff and the shopper read it: its number, order, status, lines (with the line's values as sold, in
 * fen), reason, who opened it and the retailer's decision.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnView(String returnNo, String orderNo, String storeCode, String status, String reason,
                         String channel, String openedBy, Instant requestedAt, Instant releasedAt,
                         @Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String rejectionReason,
                         List<Line> items) {

    @Serdeable
    public record Line(int lineNo, String sku, int qty, int orderedQty, long unitPriceFen, long lineValueFen,
                       long lineTaxFen) {

        static Line of(ReturnLine line) {
            return new Line(line.lineNo(), line.sku(), line.quantity(), line.orderedQuantity(),
                    line.unitPrice().fen(), line.lineValue().fen(), line.lineTax().fen());
        }
    }

    public static ReturnView of(ReturnRequest r) {
        return new ReturnView(r.returnNo(), r.orderNo(), r.storeCode(), r.status().name(), r.reason(),
                r.channel().name(), r.openedBy(), r.requestedAt(), r.releasedAt(), r.decidedAt(), r.decidedBy(),
                r.rejectionReason(), r.lines().stream().map(Line::of).toList());
    }

    /** The shopper's view: which staff member opened or decided it is not theirs to read. */
    public ReturnView forShopper() {
        return new ReturnView(returnNo, orderNo, storeCode, status, reason, channel,
                "SHOPPER".equals(channel) ? "shopper" : "staff", requestedAt, releasedAt, decidedAt, null,
                rejectionReason, items);
    }
}
