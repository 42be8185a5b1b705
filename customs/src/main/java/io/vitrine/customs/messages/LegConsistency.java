package io.vitrine.customs.messages;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Customs matches the legs of one order against each other (三单对碰: order, payment, waybill, and the inventory
 * list); a mismatch is a rejection. Checked before sending: the order's {@code acturalPaid} equals the payment's
 * amount; the inventory list names the same order, platform, seller and buyer, its lines repeat the order's lines
 * (item, unit, qty, price, totalPrice) with the HS code the order line snapshotted, its legal quantities are the
 * snapshot's conversions, its weights the snapshot's weights × quantity, and freight + insuredFee equal the order's
 * freight. Violations are {@link FieldError}s with paths into the inventory list (or the order head).
 */
public final class LegConsistency {

    private LegConsistency() {
    }

    public static List<FieldError> check(OrderFacts facts, OrderDeclaration order, InventoryDeclaration inventory,
                                         Money paymentAmount) {
        List<FieldError> errors = new ArrayList<>();
        OrderHead o = order.head();
        InventoryHead i = inventory.head();
        if (!o.acturalPaid().equals(paymentAmount)) {
            errors.add(new FieldError("OrderHead.acturalPaid", "acturalPaid equals the payment's amount",
                    "PAID_MATCHES_PAYMENT"));
        }
        headsMatch(errors, o, i);
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (DeclaredLine line : facts.lines()) {
            gross = gross.add(line.grossWeight());
            net = net.add(line.netWeight());
        }
        sameQuantity(errors, "InventoryHead.grossWeight", gross, i.grossWeight(), "WEIGHT_FROM_LINES");
        sameQuantity(errors, "InventoryHead.netWeight", net, i.netWeight(), "WEIGHT_FROM_LINES");
        if (order.lines().size() != inventory.lines().size() || facts.lines().size() != order.lines().size()) {
            errors.add(new FieldError("InventoryList", "one inventory line per order line", "LINE_COUNT_MATCHES"));
            return errors;
        }
        for (int n = 0; n < order.lines().size(); n++) {
            lineMatches(errors, "InventoryList[" + (n + 1) + "]", facts.lines().get(n), order.lines().get(n),
                    inventory.lines().get(n));
        }
        return errors;
    }

    /**
     * The part of the match that needs only the two messages (no snapshot, no payment): what customs itself can
     * check, and what the single-window simulator checks. Same order, platform, seller, buyer and freight, one
     * inventory line per order line repeating it.
     */
    public static List<FieldError> inventoryMatchesOrder(OrderDeclaration order, InventoryDeclaration inventory) {
        List<FieldError> errors = new ArrayList<>();
        headsMatch(errors, order.head(), inventory.head());
        if (order.lines().size() != inventory.lines().size()) {
            errors.add(new FieldError("InventoryList", "one inventory line per order line", "LINE_COUNT_MATCHES"));
            return errors;
        }
        for (int n = 0; n < order.lines().size(); n++) {
            lineRepeatsOrder(errors, "InventoryList[" + (n + 1) + "]", order.lines().get(n), inventory.lines().get(n));
        }
        return errors;
    }

    /**
     * What customs checks of a return request (CEB625) against the released inventory list it names (found by the
     * caller through its invtNo): the same order, ebc and buyer, and every returned line one of the list's (gnum, gcode, unit), never
     * more than was listed. Used by the simulator.
     */
    public static List<FieldError> refundMatchesInventory(InventoryDeclaration released, InvtRefund refund) {
        List<FieldError> errors = new ArrayList<>();
        InventoryHead i = released.head();
        InvtRefundHead r = refund.head();
        same(errors, "InvtRefundHead.orderNo", i.orderNo(), r.orderNo(), "ORDER_NO_MATCHES");
        same(errors, "InvtRefundHead.ebcCode", i.ebc().code(), r.ebc().code(), "EBC_MATCHES");
        same(errors, "InvtRefundHead.buyerIdNumber", i.buyerIdNumber(), r.buyerIdNumber(), "BUYER_MATCHES");
        for (int n = 0; n < refund.lines().size(); n++) {
            InvtRefundList line = refund.lines().get(n);
            String at = "InvtRefundList[" + (n + 1) + "]";
            var listed = released.lines().stream().filter(l -> l.gnum() == line.gnum()).findFirst();
            if (listed.isEmpty()) {
                errors.add(new FieldError(at + ".gnum", "a line of the released inventory list", "RETURN_LINE_LISTED"));
                continue;
            }
            same(errors, at + ".gcode", listed.get().gcode(), line.gcode(), "RETURN_LINE_LISTED");
            same(errors, at + ".unit", listed.get().unit(), line.unit(), "RETURN_LINE_LISTED");
            if (line.qty().compareTo(listed.get().qty()) > 0) {
                errors.add(new FieldError(at + ".qty", "at most the listed quantity", "RETURN_QUANTITY_LISTED"));
            }
        }
        return errors;
    }

    private static void headsMatch(List<FieldError> errors, OrderHead o, InventoryHead i) {
        same(errors, "InventoryHead.orderNo", o.orderNo(), i.orderNo(), "ORDER_NO_MATCHES");
        same(errors, "InventoryHead.ebpCode", o.ebp().code(), i.ebp().code(), "EBP_MATCHES");
        same(errors, "InventoryHead.ebcCode", o.ebc().code(), i.ebc().code(), "EBC_MATCHES");
        same(errors, "InventoryHead.buyerIdNumber", o.buyerIdNumber(), i.buyerIdNumber(), "BUYER_MATCHES");
        same(errors, "InventoryHead.buyerName", o.buyerName(), i.buyerName(), "BUYER_MATCHES");
        if (!i.freight().plus(i.insuredFee()).equals(o.freight())) {
            errors.add(new FieldError("InventoryHead.freight", "freight + insuredFee equal the order's freight",
                    "FREIGHT_MATCHES"));
        }
    }

    private static void lineRepeatsOrder(List<FieldError> errors, String at, OrderList ordered, InventoryList listed) {
        if (ordered.gnum() != listed.gnum()) {
            errors.add(new FieldError(at + ".gnum", "the same gnum as the order line", "LINE_MATCHES_ORDER"));
        }
        same(errors, at + ".itemNo", ordered.itemNo(), listed.itemNo(), "LINE_MATCHES_ORDER");
        same(errors, at + ".unit", ordered.unit(), listed.unit(), "LINE_MATCHES_ORDER");
        sameQuantity(errors, at + ".qty", ordered.qty(), listed.qty(), "LINE_MATCHES_ORDER");
        same(errors, at + ".price", ordered.price(), listed.price(), "LINE_MATCHES_ORDER");
        same(errors, at + ".totalPrice", ordered.totalPrice(), listed.totalPrice(), "LINE_MATCHES_ORDER");
    }

    private static void lineMatches(List<FieldError> errors, String at, DeclaredLine fact, OrderList ordered,
                                    InventoryList listed) {
        lineRepeatsOrder(errors, at, ordered, listed);
        same(errors, at + ".gcode", fact.hsCode(), listed.gcode(), "HS_CODE_MATCHES_ORDER_LINE");
        LegalUnits legal = fact.legalUnits();
        same(errors, at + ".unit1", legal.unit1(), listed.unit1(), "LEGAL_UNITS");
        sameQuantity(errors, at + ".qty1", legal.qty1(listed.qty()), listed.qty1(), "LEGAL_QUANTITY");
        same(errors, at + ".unit2", legal.unit2(), listed.unit2(), "LEGAL_UNITS");
        BigDecimal qty2 = legal.qty2(listed.qty());
        if (qty2 == null ? listed.qty2() != null : listed.qty2() == null || !sameAtFiveDecimals(qty2, listed.qty2())) {
            errors.add(new FieldError(at + ".qty2", "the declared quantity in the second legal unit",
                    "LEGAL_QUANTITY"));
        }
    }

    private static void same(List<FieldError> errors, String field, Object expected, Object actual, String rule) {
        if (!Objects.equals(expected, actual)) {
            errors.add(new FieldError(field, "differs from the order", rule));
        }
    }

    private static void sameQuantity(List<FieldError> errors, String field, BigDecimal expected, BigDecimal actual,
                                     String rule) {
        if (!sameAtFiveDecimals(expected, actual)) {
            errors.add(new FieldError(field, "differs from the order", rule));
        }
    }

    /** Quantities travel as decimal(19,5): compare as written. */
    private static boolean sameAtFiveDecimals(BigDecimal a, BigDecimal b) {
        return CebFormats.decimal(a).equals(CebFormats.decimal(b));
    }
}
