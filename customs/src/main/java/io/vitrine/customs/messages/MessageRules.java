package io.vitrine.customs.messages;

import io.vitrine.catalog.customscodes.CustomsCodeTable;
import io.vitrine.kernel.codes.DistrictCode;
import io.vitrine.kernel.codes.EnterpriseCode;
import io.vitrine.kernel.codes.Gtin;
import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.money.Money;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The named rules a message must pass before it leaves (and that the single-window simulator applies to what it
 * receives): required fields, each field's format (guid, times, decimal(19,5), enterprise, HS, GTIN, district,
 * country and unit codes, lengths) and the sums and pairings within one message (acturalPaid, totalPrice, gnum
 * order, legal units, bonded account book). Each violation is a kernel {@link FieldError}: the element's path (e.g.
 * {@code Order[1].OrderHead.acturalPaid}), the rule code, a message that never repeats the value.
 */
@Singleton
public final class MessageRules {

    /** A format check of one field's text: null when it passes. */
    private interface Format {
        String failure(String text);
    }

    private record Rule(String code, Format format) {
    }

    private static final Pattern DIGITS_4 = Pattern.compile("\\d{4}");
    private static final Map<String, Rule> FORMATS = formats();
    /** Lines per return request head, heads per CEB625 (domain.md). */
    static final int MAX_REFUND_LINES = 99;
    static final int MAX_REFUND_HEADS = 100;

    private final Clock clock;

    public MessageRules(Clock clock) {
        this.clock = clock;
    }

    /** Every violation of {@code message}; empty when it may be sent. */
    public <B> List<FieldError> check(CebMessage<B> message) {
        List<FieldError> errors = new ArrayList<>();
        if (!CebFormats.isGuid(message.guid())) {
            errors.add(new FieldError("root.guid", "36 characters, 8-4-4-4-12 upper-case hexadecimal", "GUID_FORM"));
        }
        if (message.bodies().isEmpty()) {
            errors.add(new FieldError("root", "a message holds at least one body", "BODY_REQUIRED"));
        }
        BodySchema<B> schema = message.type().body();
        for (int i = 0; i < message.bodies().size(); i++) {
            String path = schema.element() + "[" + (i + 1) + "]";
            B body = message.bodies().get(i);
            for (BodySchema.BlockText block : schema.texts(body, path)) {
                fields(block, errors);
            }
            crossField(body, path, errors);
        }
        if (message.type().isDeclaration()) {
            if (message.baseTransfer() == null) {
                errors.add(new FieldError("BaseTransfer", "a declaration carries BaseTransfer",
                        "BASE_TRANSFER_REQUIRED"));
            } else {
                fields(new BodySchema.BlockText("BaseTransfer", "BaseTransfer",
                        Schemas.BASE_TRANSFER.texts(message.baseTransfer())), errors);
            }
        }
        if (message.type() == MessageType.CEB625 && message.bodies().size() > MAX_REFUND_HEADS) {
            errors.add(new FieldError("InvtRefund", "at most 100 return requests per message", "REFUND_HEADS_MAX"));
        }
        return errors;
    }

    private void fields(BodySchema.BlockText block, List<FieldError> errors) {
        Map<String, String> texts = new HashMap<>();
        for (Block.FieldText field : block.fields()) {
            String path = block.path() + "." + field.name();
            String text = field.text();
            if (text == null || text.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(path, "required", "REQUIRED"));
                }
                continue;
            }
            texts.put(field.name(), text);
            Rule rule = FORMATS.get(field.name());
            String failure = rule == null ? null : rule.format().failure(text);
            if (failure != null) {
                errors.add(new FieldError(path, failure, rule.code()));
            }
        }
        String idNumber = texts.get("buyerIdNumber");
        if (idNumber != null && OrderHead.ID_CARD.equals(texts.get("buyerIdType"))
                && !validIdNumber(idNumber)) {
            errors.add(new FieldError(block.path() + ".buyerIdNumber",
                    "a resident ID number: 18 characters, a real birth date, the right check character",
                    "RESIDENT_ID_NUMBER"));
        }
    }

    private boolean validIdNumber(String idNumber) {
        try {
            ResidentIdNumber.parse(idNumber, clock);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void crossField(Object body, String path, List<FieldError> errors) {
        if (body instanceof OrderDeclaration order) {
            orderSums(order, path, errors);
        } else if (body instanceof InventoryDeclaration inventory) {
            inventory(inventory, path, errors);
        } else if (body instanceof InvtRefund refund) {
            if (refund.lines().isEmpty()) {
                errors.add(new FieldError(path + ".InvtRefundList", "at least one line", "LINES_REQUIRED"));
            }
            if (refund.lines().size() > MAX_REFUND_LINES) {
                errors.add(new FieldError(path + ".InvtRefundList", "at most 99 lines", "REFUND_LINES_MAX"));
            }
        }
    }

    private void orderSums(OrderDeclaration order, String path, List<FieldError> errors) {
        OrderHead h = order.head();
        String head = path + ".OrderHead";
        if (!h.goodsValue().plus(h.freight()).plus(h.taxTotal()).minus(h.discount()).equals(h.acturalPaid())) {
            errors.add(new FieldError(head + ".acturalPaid", "acturalPaid = goodsValue + freight + taxTotal - discount",
                    "ACTURAL_PAID_SUM"));
        }
        if (!Money.sum(order.lines().stream().map(OrderList::totalPrice).toList()).equals(h.goodsValue())) {
            errors.add(new FieldError(head + ".goodsValue", "goodsValue = the sum of the lines' totalPrice",
                    "GOODS_VALUE_SUM"));
        }
        lines(order.lines(), path + ".OrderList", OrderList::gnum, l -> lineTotal(l.price(), l.qty(), l.totalPrice()),
                errors);
    }

    private void inventory(InventoryDeclaration inventory, String path, List<FieldError> errors) {
        InventoryHead h = inventory.head();
        String head = path + ".InventoryHead";
        boolean bonded = Declarations.isBonded(h.tradeMode());
        if (bonded && h.emsNo() == null) {
            errors.add(new FieldError(head + ".emsNo", "bonded goods (1210, 1239) name the account book",
                    "EMS_NO_REQUIRED"));
        }
        if (h.netWeight().compareTo(h.grossWeight()) > 0) {
            errors.add(new FieldError(head + ".netWeight", "the net weight cannot exceed the gross weight",
                    "NET_WEIGHT_ABOVE_GROSS"));
        }
        lines(inventory.lines(), path + ".InventoryList", InventoryList::gnum,
                l -> lineTotal(l.price(), l.qty(), l.totalPrice()), errors);
        for (int i = 0; i < inventory.lines().size(); i++) {
            InventoryList line = inventory.lines().get(i);
            String at = path + ".InventoryList[" + (i + 1) + "]";
            if (bonded && line.itemRecordNo() == null) {
                errors.add(new FieldError(at + ".itemRecordNo", "bonded goods carry their item record number",
                        "ITEM_RECORD_NO_REQUIRED"));
            }
            if ((line.qty2() == null) != (line.unit2() == null)) {
                errors.add(new FieldError(at + ".qty2", "qty2 and unit2 go together", "QTY2_WITH_UNIT2"));
            }
        }
    }

    private static boolean lineTotal(Money price, BigDecimal qty, Money totalPrice) {
        return price.toYuan().multiply(qty).compareTo(totalPrice.toYuan()) == 0;
    }

    private static <L> void lines(List<L> lines, String path, ToIntFunction<L> gnum,
                                  Predicate<L> totalMatches, List<FieldError> errors) {
        if (lines.isEmpty()) {
            errors.add(new FieldError(path, "at least one line", "LINES_REQUIRED"));
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = path + "[" + (i + 1) + "]";
            if (gnum.applyAsInt(lines.get(i)) != i + 1) {
                errors.add(new FieldError(at + ".gnum", "lines are numbered 1, 2, 3… in order", "GNUM_SEQUENCE"));
            }
            if (!totalMatches.test(lines.get(i))) {
                errors.add(new FieldError(at + ".totalPrice", "totalPrice = price × qty", "TOTAL_PRICE"));
            }
        }
    }

    private static Map<String, Rule> formats() {
        Map<String, Rule> f = new HashMap<>();
        f.put("guid", new Rule("GUID_FORM", t -> CebFormats.isGuid(t) ? null
                : "36 characters, 8-4-4-4-12 upper-case hexadecimal"));
        f.put("appTime", new Rule("TIME_FORM", matches("\\d{14}", "yyyyMMddHHmmss")));
        f.put("returnTime", new Rule("TIME_FORM", matches("\\d{14}|\\d{17}", "yyyyMMddHHmmss[SSS]")));
        for (String day : List.of("declTime", "ieDate")) {
            f.put(day, new Rule("DAY_FORM", matches("\\d{8}", "yyyyMMdd")));
        }
        for (String code : List.of("ebpCode", "ebcCode", "logisticsCode", "agentCode", "payCode", "copCode",
                "areaCode")) {
            f.put(code, new Rule("ENTERPRISE_CODE_FORM", t -> EnterpriseCode.isValid(t) && t.equals(t.strip())
                    ? null : "a 10-character customs registration code or an 18-character USCC"));
        }
        f.put("gcode", new Rule("HS_CODE_FORM", t -> HsCode.isValid(t) && t.length() == 10 ? null
                : "an HS code is exactly 10 digits"));
        f.put("barCode", new Rule("GTIN", t -> Gtin.isValid(t) ? null : "an EAN-13, EAN-8 or UPC-A with its check digit"));
        f.put("consigneeDitrict", new Rule("DISTRICT_CODE", t -> DistrictCode.isValid(t) && t.length() == 6 ? null
                : "a 6-digit GB/T 2260 county-level division code"));
        f.put("currency", new Rule("CURRENCY", t -> CebFormats.CNY.equals(t) ? null : "142 (renminbi)"));
        f.put("country", new Rule("COUNTRY_CODE", t -> CustomsCodeTable.COUNTRIES.contains(t) && t.length() == 3
                ? null : "a customs 3-digit country code"));
        for (String unit : List.of("unit", "unit1", "unit2")) {
            f.put(unit, new Rule("UNIT_CODE", t -> CustomsCodeTable.UNITS.contains(t) && t.length() == 3 ? null
                    : "a customs 3-digit unit code"));
        }
        for (String code : List.of("customsCode", "portCode", "tradeMode")) {
            f.put(code, new Rule("FOUR_DIGITS", t -> DIGITS_4.matcher(t).matches() ? null : "4 digits"));
        }
        for (String amount : List.of("goodsValue", "freight", "discount", "taxTotal", "acturalPaid", "price",
                "totalPrice", "insuredFee", "customsTax", "valueAddedTax", "consumptionTax", "taxPrice")) {
            f.put(amount, new Rule("DECIMAL_19_5", decimal(false)));
        }
        for (String quantity : List.of("qty", "qty1", "qty2", "grossWeight", "netWeight")) {
            f.put(quantity, new Rule("POSITIVE_DECIMAL_19_5", decimal(true)));
        }
        for (String number : List.of("gnum", "packNo")) {
            f.put(number, new Rule("POSITIVE_INTEGER", matches("[1-9]\\d{0,8}", "a positive whole number")));
        }
        f.put("orderType", new Rule("IMPORT_FLAG", matches("I", "I (import)")));
        f.put("ieFlag", new Rule("IMPORT_FLAG", matches("I", "I (import)")));
        f.put("dxpMode", new Rule("DXP_MODE", matches("DXP", "DXP")));
        f.put("buyerIdType", new Rule("ID_TYPE", matches("1", "1 (resident identity card)")));
        // lengths of the public CEB schemas
        maxLength(f, 60, "orderNo", "logisticsNo", "payTransactionId", "buyerRegNo", "buyerName", "consignee",
                "buyerTelephone", "consigneeTelephone", "dxpId");
        maxLength(f, 20, "copNo", "itemRecordNo", "invtNo", "preNo", "emsNo", "assureCode", "taxNo");
        maxLength(f, 100, "ebpName", "ebcName", "logisticsName", "agentName", "areaName", "payName", "copName");
        maxLength(f, 200, "consigneeAddress");
        maxLength(f, 250, "itemName", "gname", "itemNo");
        maxLength(f, 510, "gmodel", "itemDescribe");
        maxLength(f, 1000, "note", "reason", "returnInfo");
        return Map.copyOf(f);
    }

    private static void maxLength(Map<String, Rule> f, int max, String... names) {
        for (String name : names) {
            f.put(name, new Rule("MAX_LENGTH", t -> t.length() <= max ? null : "at most " + max + " characters"));
        }
    }

    private static Format matches(String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return t -> pattern.matcher(t).matches() ? null : "expected " + expected;
    }

    private static Format decimal(boolean positive) {
        return t -> {
            if (!CebFormats.DECIMAL_19_5.matcher(t).matches()) {
                return "a plain decimal(19,5): at most 14 integer digits and 5 decimals";
            }
            int sign = new BigDecimal(t).signum();
            if (positive ? sign <= 0 : sign < 0) {
                return positive ? "greater than zero" : "not negative";
            }
            return null;
        };
    }
}
