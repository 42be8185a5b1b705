package io.vitrine.customs.messages;

import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;

import java.util.List;

/**
 * Maps what orders keeps of a sale (the {@link Order} and its {@link OrderLine} snapshots: HS code, item record
 * number, origin, units, weights, price) to {@link OrderFacts}. The personal data stays sealed in orders: the caller
 * passes the buyer and consignee it unsealed, and the payment leg.
 */
public final class OrderSnapshots {

    private OrderSnapshots() {
    }

    public static OrderFacts facts(Order order, List<OrderLine> lines, Party platform, Party seller,
                                   OrderFacts.Buyer buyer, OrderFacts.Consignee consignee,
                                   OrderFacts.PaymentLeg payment) {
        var amounts = order.amounts();
        return new OrderFacts(order.orderNo(), order.tradeMode().code(), platform, seller, amounts.goodsValue(),
                amounts.freight(), amounts.insurance(), amounts.discount(), amounts.tax(),
                order.paidAmount() == null ? amounts.total() : order.paidAmount(), buyer, consignee, payment,
                lines.stream().map(OrderSnapshots::line).toList());
    }

    /** gnum = the line number; itemNo = the SKU; gmodel = the brand; barCode = the GTIN. */
    public static DeclaredLine line(OrderLine line) {
        return new DeclaredLine(line.lineNo(), line.sku(), line.nameZh(), line.brand(), line.gtin(), line.hsCode(),
                line.itemRecordNo(), line.originCountry(), line.unit(), line.quantity(), line.unitPrice(),
                new LegalUnits(line.unit1(), line.qty1PerUnit(), line.unit2(), line.qty2PerUnit()),
                line.grossWeightKg(), line.netWeightKg());
    }
}
