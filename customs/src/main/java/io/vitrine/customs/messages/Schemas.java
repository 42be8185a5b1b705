package io.vitrine.customs.messages;

import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The element names and their order, per block, as domain.md "Customs message standard (CEB)" lists them (CEB623,
 * CEB624/626 and CEB816 beyond what domain.md spells out: as the public implementations of the standard write them).
 * Absent optional fields are left out; required ones are always written.
 */
final class Schemas {

    private Schemas() {
    }

    static final Block<OrderHead> ORDER_HEAD = Block.<OrderHead>named("OrderHead")
            .required("guid", h -> h.app().guid())
            .required("appType", h -> h.app().appType().code())
            .required("appTime", h -> CebFormats.time(h.app().appTime()))
            .required("appStatus", h -> h.app().appStatus().code())
            .required("orderType", OrderHead::orderType)
            .required("orderNo", OrderHead::orderNo)
            .required("ebpCode", h -> h.ebp().code())
            .required("ebpName", h -> h.ebp().name())
            .required("ebcCode", h -> h.ebc().code())
            .required("ebcName", h -> h.ebc().name())
            .required("goodsValue", h -> amount(h.goodsValue()))
            .required("freight", h -> amount(h.freight()))
            .required("discount", h -> amount(h.discount()))
            .required("taxTotal", h -> amount(h.taxTotal()))
            .required("acturalPaid", h -> amount(h.acturalPaid()))
            .required("currency", OrderHead::currency)
            .required("buyerRegNo", OrderHead::buyerRegNo)
            .required("buyerName", OrderHead::buyerName)
            .required("buyerTelephone", OrderHead::buyerTelephone)
            .required("buyerIdType", OrderHead::buyerIdType)
            .required("buyerIdNumber", OrderHead::buyerIdNumber)
            .required("payCode", h -> h.payCompany().code())
            .required("payName", h -> h.payCompany().name())
            .required("payTransactionId", OrderHead::payTransactionId)
            .optional("batchNumbers", OrderHead::batchNumbers)
            .required("consignee", OrderHead::consignee)
            .required("consigneeTelephone", OrderHead::consigneeTelephone)
            .required("consigneeAddress", OrderHead::consigneeAddress)
            .required("consigneeDitrict", OrderHead::consigneeDistrict)
            .optional("note", OrderHead::note)
            .reading(f -> new OrderHead(f.appHead(), f.text("orderType"), f.text("orderNo"),
                    f.party("ebpCode", "ebpName"), f.party("ebcCode", "ebcName"), f.amount("goodsValue"),
                    f.amount("freight"), f.amount("discount"), f.amount("taxTotal"), f.amount("acturalPaid"),
                    f.text("currency"), f.text("buyerRegNo"), f.text("buyerName"), f.text("buyerTelephone"),
                    f.text("buyerIdType"), f.text("buyerIdNumber"), f.party("payCode", "payName"),
                    f.text("payTransactionId"), f.optional("batchNumbers"), f.text("consignee"),
                    f.text("consigneeTelephone"), f.text("consigneeAddress"), f.text("consigneeDitrict"),
                    f.optional("note")));

    static final Block<OrderList> ORDER_LIST = Block.<OrderList>named("OrderList")
            .required("gnum", l -> Integer.toString(l.gnum()))
            .required("itemNo", OrderList::itemNo)
            .required("itemName", OrderList::itemName)
            .optional("gmodel", OrderList::gmodel)
            .optional("itemDescribe", OrderList::itemDescribe)
            .optional("barCode", OrderList::barCode)
            .required("unit", OrderList::unit)
            .required("qty", l -> decimal(l.qty()))
            .required("price", l -> amount(l.price()))
            .required("totalPrice", l -> amount(l.totalPrice()))
            .required("currency", OrderList::currency)
            .required("country", OrderList::country)
            .optional("note", OrderList::note)
            .reading(f -> new OrderList(f.integer("gnum"), f.text("itemNo"), f.text("itemName"), f.optional("gmodel"),
                    f.optional("itemDescribe"), f.optional("barCode"), f.text("unit"), f.decimal("qty"),
                    f.amount("price"), f.amount("totalPrice"), f.text("currency"), f.text("country"),
                    f.optional("note")));

    static final Block<InventoryHead> INVENTORY_HEAD = Block.<InventoryHead>named("InventoryHead")
            .required("guid", h -> h.app().guid())
            .required("appType", h -> h.app().appType().code())
            .required("appTime", h -> CebFormats.time(h.app().appTime()))
            .required("appStatus", h -> h.app().appStatus().code())
            .required("orderNo", InventoryHead::orderNo)
            .required("ebpCode", h -> h.ebp().code())
            .required("ebpName", h -> h.ebp().name())
            .required("ebcCode", h -> h.ebc().code())
            .required("ebcName", h -> h.ebc().name())
            .required("logisticsNo", InventoryHead::logisticsNo)
            .required("logisticsCode", h -> h.logistics().code())
            .required("logisticsName", h -> h.logistics().name())
            .required("copNo", InventoryHead::copNo)
            .optional("preNo", InventoryHead::preNo)
            .required("assureCode", InventoryHead::assureCode)
            .optional("emsNo", InventoryHead::emsNo)
            .optional("invtNo", InventoryHead::invtNo)
            .required("ieFlag", InventoryHead::ieFlag)
            .required("declTime", h -> CebFormats.day(h.declTime()))
            .required("customsCode", InventoryHead::customsCode)
            .required("portCode", InventoryHead::portCode)
            .required("ieDate", h -> CebFormats.day(h.ieDate()))
            .required("buyerIdType", InventoryHead::buyerIdType)
            .required("buyerIdNumber", InventoryHead::buyerIdNumber)
            .required("buyerName", InventoryHead::buyerName)
            .required("buyerTelephone", InventoryHead::buyerTelephone)
            .required("consigneeAddress", InventoryHead::consigneeAddress)
            .required("agentCode", h -> h.agent().code())
            .required("agentName", h -> h.agent().name())
            .optional("areaCode", h -> h.area() == null ? null : h.area().code())
            .optional("areaName", h -> h.area() == null ? null : h.area().name())
            .required("tradeMode", InventoryHead::tradeMode)
            .required("trafMode", InventoryHead::trafMode)
            .optional("trafNo", InventoryHead::trafNo)
            .optional("voyageNo", InventoryHead::voyageNo)
            .optional("billNo", InventoryHead::billNo)
            .optional("loctNo", InventoryHead::loctNo)
            .optional("licenseNo", InventoryHead::licenseNo)
            .required("country", InventoryHead::country)
            .required("freight", h -> amount(h.freight()))
            .required("insuredFee", h -> amount(h.insuredFee()))
            .required("currency", InventoryHead::currency)
            .optional("wrapType", InventoryHead::wrapType)
            .required("packNo", h -> Integer.toString(h.packNo()))
            .required("grossWeight", h -> decimal(h.grossWeight()))
            .required("netWeight", h -> decimal(h.netWeight()))
            .optional("note", InventoryHead::note)
            .reading(f -> new InventoryHead(f.appHead(), f.text("orderNo"), f.party("ebpCode", "ebpName"),
                    f.party("ebcCode", "ebcName"), f.text("logisticsNo"), f.party("logisticsCode", "logisticsName"),
                    f.text("copNo"), f.optional("preNo"), f.text("assureCode"), f.optional("emsNo"),
                    f.optional("invtNo"), f.text("ieFlag"), f.day("declTime"), f.text("customsCode"),
                    f.text("portCode"), f.day("ieDate"), f.text("buyerIdType"), f.text("buyerIdNumber"),
                    f.text("buyerName"), f.text("buyerTelephone"), f.text("consigneeAddress"),
                    f.party("agentCode", "agentName"), f.optionalParty("areaCode", "areaName"), f.text("tradeMode"),
                    f.text("trafMode"), f.optional("trafNo"), f.optional("voyageNo"), f.optional("billNo"),
                    f.optional("loctNo"), f.optional("licenseNo"), f.text("country"), f.amount("freight"),
                    f.amount("insuredFee"), f.text("currency"), f.optional("wrapType"), f.integer("packNo"),
                    f.decimal("grossWeight"), f.decimal("netWeight"), f.optional("note")));

    static final Block<InventoryList> INVENTORY_LIST = Block.<InventoryList>named("InventoryList")
            .required("gnum", l -> Integer.toString(l.gnum()))
            .optional("itemRecordNo", InventoryList::itemRecordNo)
            .required("itemNo", InventoryList::itemNo)
            .required("itemName", InventoryList::itemName)
            .required("gcode", InventoryList::gcode)
            .required("gname", InventoryList::gname)
            .required("gmodel", InventoryList::gmodel)
            .optional("barCode", InventoryList::barCode)
            .required("country", InventoryList::country)
            .required("currency", InventoryList::currency)
            .required("qty", l -> decimal(l.qty()))
            .required("unit", InventoryList::unit)
            .required("qty1", l -> decimal(l.qty1()))
            .required("unit1", InventoryList::unit1)
            .optional("qty2", l -> l.qty2() == null ? null : decimal(l.qty2()))
            .optional("unit2", InventoryList::unit2)
            .required("price", l -> amount(l.price()))
            .required("totalPrice", l -> amount(l.totalPrice()))
            .optional("note", InventoryList::note)
            .reading(f -> new InventoryList(f.integer("gnum"), f.optional("itemRecordNo"), f.text("itemNo"),
                    f.text("itemName"), f.text("gcode"), f.text("gname"), f.text("gmodel"), f.optional("barCode"),
                    f.text("country"), f.text("currency"), f.decimal("qty"), f.text("unit"), f.decimal("qty1"),
                    f.text("unit1"), f.optionalDecimal("qty2"), f.optional("unit2"), f.amount("price"),
                    f.amount("totalPrice"), f.optional("note")));

    static final Block<InvtCancel> INVT_CANCEL = Block.<InvtCancel>named("InvtCancel")
            .required("guid", h -> h.app().guid())
            .required("appType", h -> h.app().appType().code())
            .required("appTime", h -> CebFormats.time(h.app().appTime()))
            .required("appStatus", h -> h.app().appStatus().code())
            .required("customsCode", InvtCancel::customsCode)
            .required("orderNo", InvtCancel::orderNo)
            .required("ebpCode", h -> h.ebp().code())
            .required("ebpName", h -> h.ebp().name())
            .required("ebcCode", h -> h.ebc().code())
            .required("ebcName", h -> h.ebc().name())
            .required("logisticsNo", InvtCancel::logisticsNo)
            .required("logisticsCode", h -> h.logistics().code())
            .required("logisticsName", h -> h.logistics().name())
            .required("copNo", InvtCancel::copNo)
            .optional("preNo", InvtCancel::preNo)
            .required("invtNo", InvtCancel::invtNo)
            .required("buyerIdType", InvtCancel::buyerIdType)
            .required("buyerIdNumber", InvtCancel::buyerIdNumber)
            .required("buyerName", InvtCancel::buyerName)
            .required("buyerTelephone", InvtCancel::buyerTelephone)
            .required("agentCode", h -> h.agent().code())
            .required("agentName", h -> h.agent().name())
            .required("reason", InvtCancel::reason)
            .optional("note", InvtCancel::note)
            .reading(f -> new InvtCancel(f.appHead(), f.text("customsCode"), f.text("orderNo"),
                    f.party("ebpCode", "ebpName"), f.party("ebcCode", "ebcName"), f.text("logisticsNo"),
                    f.party("logisticsCode", "logisticsName"), f.text("copNo"), f.optional("preNo"),
                    f.text("invtNo"), f.text("buyerIdType"), f.text("buyerIdNumber"), f.text("buyerName"),
                    f.text("buyerTelephone"), f.party("agentCode", "agentName"), f.text("reason"),
                    f.optional("note")));

    static final Block<InvtRefundHead> INVT_REFUND_HEAD = Block.<InvtRefundHead>named("InvtRefundHead")
            .required("guid", h -> h.app().guid())
            .required("appType", h -> h.app().appType().code())
            .required("appTime", h -> CebFormats.time(h.app().appTime()))
            .required("appStatus", h -> h.app().appStatus().code())
            .required("customsCode", InvtRefundHead::customsCode)
            .required("orderNo", InvtRefundHead::orderNo)
            .required("ebpCode", h -> h.ebp().code())
            .required("ebpName", h -> h.ebp().name())
            .required("ebcCode", h -> h.ebc().code())
            .required("ebcName", h -> h.ebc().name())
            .required("logisticsNo", InvtRefundHead::logisticsNo)
            .required("logisticsCode", h -> h.logistics().code())
            .required("logisticsName", h -> h.logistics().name())
            .required("copNo", InvtRefundHead::copNo)
            .optional("preNo", InvtRefundHead::preNo)
            .required("invtNo", InvtRefundHead::invtNo)
            .required("buyerIdType", InvtRefundHead::buyerIdType)
            .required("buyerIdNumber", InvtRefundHead::buyerIdNumber)
            .required("buyerName", InvtRefundHead::buyerName)
            .required("buyerTelephone", InvtRefundHead::buyerTelephone)
            .required("agentCode", h -> h.agent().code())
            .required("agentName", h -> h.agent().name())
            .required("reason", InvtRefundHead::reason)
            .optional("note", InvtRefundHead::note)
            .reading(f -> new InvtRefundHead(f.appHead(), f.text("customsCode"), f.text("orderNo"),
                    f.party("ebpCode", "ebpName"), f.party("ebcCode", "ebcName"), f.text("logisticsNo"),
                    f.party("logisticsCode", "logisticsName"), f.text("copNo"), f.optional("preNo"),
                    f.text("invtNo"), f.text("buyerIdType"), f.text("buyerIdNumber"), f.text("buyerName"),
                    f.text("buyerTelephone"), f.party("agentCode", "agentName"), f.text("reason"),
                    f.optional("note")));

    static final Block<InvtRefundList> INVT_REFUND_LIST = Block.<InvtRefundList>named("InvtRefundList")
            .required("gnum", l -> Integer.toString(l.gnum()))
            .required("gcode", InvtRefundList::gcode)
            .required("gname", InvtRefundList::gname)
            .required("qty", l -> decimal(l.qty()))
            .required("unit", InvtRefundList::unit)
            .optional("note", InvtRefundList::note)
            .reading(f -> new InvtRefundList(f.integer("gnum"), f.text("gcode"), f.text("gname"), f.decimal("qty"),
                    f.text("unit"), f.optional("note")));

    /** CEB312 {@code OrderReturn}. */
    static final Block<DeclarationReceipt> ORDER_RETURN = receipt("OrderReturn", false);
    /** CEB622 {@code InventoryReturn}; CEB624 and CEB626 carry the same fields. */
    static final Block<DeclarationReceipt> INVENTORY_RETURN = receipt("InventoryReturn", true);
    static final Block<DeclarationReceipt> INVT_CANCEL_RETURN = receipt("InvtCancelReturn", true);
    static final Block<DeclarationReceipt> INVT_REFUND_RETURN = receipt("InvtRefundReturn", true);

    static final Block<TaxHeadRd> TAX_HEAD = Block.<TaxHeadRd>named("TaxHeadRd")
            .required("guid", TaxHeadRd::guid)
            .required("returnTime", h -> receiptTime(h.returnTime()))
            .required("invtNo", TaxHeadRd::invtNo)
            .required("taxNo", TaxHeadRd::taxNo)
            .required("customsTax", h -> amount(h.customsTax()))
            .required("valueAddedTax", h -> amount(h.valueAddedTax()))
            .required("consumptionTax", h -> amount(h.consumptionTax()))
            .required("status", TaxHeadRd::status)
            .optional("entDutyNo", TaxHeadRd::entDutyNo)
            .optional("note", TaxHeadRd::note)
            .optional("assureCode", TaxHeadRd::assureCode)
            .optional("ebcCode", TaxHeadRd::ebcCode)
            .optional("logisticsCode", TaxHeadRd::logisticsCode)
            .optional("agentCode", TaxHeadRd::agentCode)
            .optional("customsCode", TaxHeadRd::customsCode)
            .reading(f -> new TaxHeadRd(f.guid("guid"), f.time("returnTime"), f.text("invtNo"), f.text("taxNo"),
                    f.amount("customsTax"), f.amount("valueAddedTax"), f.amount("consumptionTax"), f.text("status"),
                    f.optional("entDutyNo"), f.optional("note"), f.optional("assureCode"), f.optional("ebcCode"),
                    f.optional("logisticsCode"), f.optional("agentCode"), f.optional("customsCode")));

    static final Block<TaxListRd> TAX_LIST = Block.<TaxListRd>named("TaxListRd")
            .required("gnum", l -> Integer.toString(l.gnum()))
            .required("gcode", TaxListRd::gcode)
            .required("taxPrice", l -> amount(l.taxPrice()))
            .required("customsTax", l -> amount(l.customsTax()))
            .required("valueAddedTax", l -> amount(l.valueAddedTax()))
            .required("consumptionTax", l -> amount(l.consumptionTax()))
            .reading(f -> new TaxListRd(f.integer("gnum"), f.text("gcode"), f.amount("taxPrice"),
                    f.amount("customsTax"), f.amount("valueAddedTax"), f.amount("consumptionTax")));

    static final Block<BaseTransfer> BASE_TRANSFER = Block.<BaseTransfer>named("BaseTransfer")
            .required("copCode", BaseTransfer::copCode)
            .required("copName", BaseTransfer::copName)
            .required("dxpMode", BaseTransfer::dxpMode)
            .required("dxpId", BaseTransfer::dxpId)
            .optional("note", BaseTransfer::note)
            .reading(f -> new BaseTransfer(f.text("copCode"), f.text("copName"), f.text("dxpMode"), f.text("dxpId"),
                    f.optional("note")));

    /**
     * 312: guid, ebpCode, ebcCode, orderNo, returnStatus, returnTime, returnInfo. 622/624/626: guid, customsCode,
     * ebpCode, ebcCode, agentCode, copNo, preNo, invtNo, returnStatus, returnTime, returnInfo.
     */
    private static Block<DeclarationReceipt> receipt(String element, boolean inventory) {
        Block.Builder<DeclarationReceipt> b = Block.<DeclarationReceipt>named(element)
                .required("guid", DeclarationReceipt::guid);
        if (inventory) {
            b.optional("customsCode", DeclarationReceipt::customsCode);
        }
        b.optional("ebpCode", DeclarationReceipt::ebpCode).optional("ebcCode", DeclarationReceipt::ebcCode);
        if (inventory) {
            b.optional("agentCode", DeclarationReceipt::agentCode)
                    .optional("copNo", DeclarationReceipt::copNo)
                    .optional("preNo", DeclarationReceipt::preNo)
                    .optional("invtNo", DeclarationReceipt::invtNo);
        } else {
            b.required("orderNo", DeclarationReceipt::orderNo);
        }
        return b.required("returnStatus", r -> Integer.toString(r.returnStatus()))
                .required("returnTime", r -> receiptTime(r.returnTime()))
                .optional("returnInfo", DeclarationReceipt::returnInfo)
                .reading(f -> new DeclarationReceipt(f.guid("guid"), f.optional("customsCode"), f.optional("ebpCode"),
                        f.optional("ebcCode"), f.optional("agentCode"), f.optional("orderNo"), f.optional("copNo"),
                        f.optional("preNo"), f.optional("invtNo"), f.integer("returnStatus"), f.time("returnTime"),
                        f.optional("returnInfo")));
    }

    /** Receipts carry milliseconds, as customs' own do (yyyyMMddHHmmssSSS). */
    private static String receiptTime(Instant instant) {
        return CebFormats.receiptTime(instant);
    }

    private static String amount(Money money) {
        return CebFormats.amount(money);
    }

    private static String decimal(BigDecimal value) {
        return CebFormats.decimal(value);
    }
}
