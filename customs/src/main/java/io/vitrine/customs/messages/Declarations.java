package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the messages we declare from plain facts: CEB311 and CEB621 for a paid order, CEB623 to cancel and CEB625
 * to return goods of a registered inventory list. Each message gets a new guid (36 characters, upper case, also the
 * head's guid, so a receipt's guid names both) and appTime now in China time from the one clock.
 *
 * <p>Amounts: CEB311 has no insurance field, so its {@code freight} carries freight and insurance together and
 * {@code acturalPaid} = goodsValue + freight + taxTotal − discount is what the buyer paid; CEB621 lists freight and
 * insuredFee apart. Inventory lines repeat the order lines (item, unit, qty, price, totalPrice) with the HS code and
 * the quantity converted into its legal units; weights are the lines' snapshot weights × quantity.
 */
@Singleton
public final class Declarations {

    private final Clock clock;
    private final Ids ids;

    public Declarations(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** CEB311: the platform's order declaration. */
    public CebMessage<OrderDeclaration> order(OrderFacts order, Submission submission) {
        AppHead app = appHead(submission);
        Money freight = order.freight().plus(order.insurance());
        Money paid = order.goodsValue().plus(freight).plus(order.tax()).minus(order.discount());
        OrderHead head = new OrderHead(app, OrderHead.IMPORT, order.orderNo(), order.platform(), order.seller(),
                order.goodsValue(), freight, order.discount(), order.tax(), paid, CebFormats.CNY,
                order.buyer().regNo(), order.buyer().name(), order.buyer().telephone(), OrderHead.ID_CARD,
                order.buyer().idNumber(), order.payment().company(), order.payment().transactionId(), null,
                order.consignee().name(), order.consignee().telephone(), order.consignee().address(),
                order.consignee().districtCode(), null);
        List<OrderList> lines = order.lines().stream()
                .map(l -> new OrderList(l.gnum(), l.itemNo(), l.itemName(), l.gmodel(), null, l.barCode(), l.unit(),
                        l.qty(), l.price(), l.totalPrice(), CebFormats.CNY, l.country(), null))
                .toList();
        return new CebMessage<>(MessageType.CEB311, app.guid(), List.of(new OrderDeclaration(head, lines)),
                submission.baseTransfer());
    }

    /**
     * CEB621: the inventory list the agent files for the order. Bonded trade modes (1210, 1239) carry the account
     * book and the item record numbers; direct purchase (9610) neither.
     *
     * @param copNo our own reference for it (returned in every receipt)
     */
    public CebMessage<InventoryDeclaration> inventoryList(OrderFacts order, Clearance clearance, Shipment shipment,
                                                          String copNo, Submission submission) {
        AppHead app = appHead(submission);
        boolean bonded = isBonded(order.tradeMode());
        LocalDate today = ChinaTime.today(clock);
        BigDecimal gross = order.lines().stream().map(DeclaredLine::grossWeight).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal net = order.lines().stream().map(DeclaredLine::netWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
        InventoryHead head = new InventoryHead(app, order.orderNo(), order.platform(), order.seller(),
                shipment.logisticsNo(), shipment.logistics(), copNo, null, clearance.assureCode(),
                bonded ? clearance.emsNo() : null, null, InventoryHead.IMPORT, today, clearance.customsCode(),
                clearance.portCode(), today, OrderHead.ID_CARD, order.buyer().idNumber(), order.buyer().name(),
                order.buyer().telephone(), order.consignee().address(), clearance.agent(),
                bonded ? clearance.area() : null, order.tradeMode(), clearance.trafMode(), shipment.trafNo(),
                shipment.voyageNo(), shipment.billNo(), clearance.loctNo(), null, clearance.country(),
                order.freight(), order.insurance(), CebFormats.CNY, clearance.wrapType(), shipment.packNo(), gross,
                net, null);
        List<InventoryList> lines = order.lines().stream()
                .map(l -> new InventoryList(l.gnum(), bonded ? l.itemRecordNo() : null, l.itemNo(), l.itemName(),
                        l.hsCode(), l.itemName(), l.gmodel(), l.barCode(), l.country(), CebFormats.CNY, l.qty(),
                        l.unit(), l.legalUnits().qty1(l.qty()), l.legalUnits().unit1(), l.legalUnits().qty2(l.qty()),
                        l.legalUnits().unit2(), l.price(), l.totalPrice(), null))
                .toList();
        return new CebMessage<>(MessageType.CEB621, app.guid(), List.of(new InventoryDeclaration(head, lines)),
                submission.baseTransfer());
    }

    /** CEB623: cancel inventory list {@code invtNo} (registered by customs, not yet released). */
    public CebMessage<InvtCancel> cancellation(InventoryDeclaration registered, String invtNo, @Nullable String preNo,
                                               String reason, Submission submission) {
        AppHead app = appHead(submission);
        InventoryHead h = registered.head();
        InvtCancel cancel = new InvtCancel(app, h.customsCode(), h.orderNo(), h.ebp(), h.ebc(), h.logisticsNo(),
                h.logistics(), h.copNo(), preNo, invtNo, h.buyerIdType(), h.buyerIdNumber(), h.buyerName(),
                h.buyerTelephone(), h.agent(), reason, null);
        return new CebMessage<>(MessageType.CEB623, app.guid(), List.of(cancel), submission.baseTransfer());
    }

    /**
     * CEB625: the return request for {@code items} of released inventory list {@code invtNo}; each names an
     * inventory line by gnum and returns at most its declared quantity.
     */
    public CebMessage<InvtRefund> returnRequest(InventoryDeclaration registered, String invtNo, @Nullable String preNo,
                                                List<ReturnedItem> items, String reason, Submission submission) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a return request returns at least one line");
        }
        AppHead app = appHead(submission);
        InventoryHead h = registered.head();
        Map<Integer, InventoryList> byGnum = registered.lines().stream()
                .collect(Collectors.toMap(InventoryList::gnum, Function.identity()));
        List<InvtRefundList> lines = new ArrayList<>();
        for (ReturnedItem item : items) {
            InventoryList line = byGnum.get(item.gnum());
            if (line == null) {
                throw new IllegalArgumentException("no inventory line " + item.gnum());
            }
            if (item.qty().signum() <= 0 || item.qty().compareTo(line.qty()) > 0) {
                throw new IllegalArgumentException("line " + item.gnum() + " returns more than 0 and at most "
                        + line.qty());
            }
            lines.add(new InvtRefundList(line.gnum(), line.gcode(), line.gname(), item.qty(), line.unit(), null));
        }
        InvtRefundHead head = new InvtRefundHead(app, h.customsCode(), h.orderNo(), h.ebp(), h.ebc(),
                h.logisticsNo(), h.logistics(), h.copNo(), preNo, invtNo, h.buyerIdType(), h.buyerIdNumber(),
                h.buyerName(), h.buyerTelephone(), h.agent(), reason, null);
        return new CebMessage<>(MessageType.CEB625, app.guid(), List.of(new InvtRefund(head, lines)),
                submission.baseTransfer());
    }

    /** 1210 and 1239 sell from a bonded warehouse under its account book. */
    static boolean isBonded(String tradeMode) {
        return "1210".equals(tradeMode) || "1239".equals(tradeMode);
    }

    private AppHead appHead(Submission submission) {
        // appTime is written to the second: keep it so, so what we hold equals what we sent
        Instant now = clock.instant().with(ChronoField.NANO_OF_SECOND, 0);
        return new AppHead(ids.next().toString().toUpperCase(Locale.ROOT), submission.appType(), now,
                submission.appStatus());
    }
}
