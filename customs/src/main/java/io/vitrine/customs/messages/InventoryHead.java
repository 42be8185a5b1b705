package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * CEB621 {@code InventoryHead}: the inventory list (清单) the declaring agent files for one order. Bonded goods
 * (trade mode 1210/1239) carry the warehouse's account book {@code emsNo} and the area (区内企业) code; direct purchase
 * (9610) neither. {@code preNo} and {@code invtNo} are customs' numbers, known only after a receipt; weights in kg.
 */
public record InventoryHead(AppHead app, String orderNo, Party ebp, Party ebc, String logisticsNo, Party logistics,
                            String copNo, @Nullable String preNo, String assureCode, @Nullable String emsNo,
                            @Nullable String invtNo, String ieFlag, LocalDate declTime, String customsCode,
                            String portCode, LocalDate ieDate, String buyerIdType, String buyerIdNumber,
                            String buyerName, String buyerTelephone, String consigneeAddress, Party agent,
                            @Nullable Party area, String tradeMode, String trafMode, @Nullable String trafNo,
                            @Nullable String voyageNo, @Nullable String billNo, @Nullable String loctNo,
                            @Nullable String licenseNo, String country, Money freight, Money insuredFee,
                            String currency, @Nullable String wrapType, int packNo, BigDecimal grossWeight,
                            BigDecimal netWeight, @Nullable String note) {

    /** ieFlag I: import. */
    public static final String IMPORT = "I";

    @Override
    public String toString() {
        return "InventoryHead[guid=" + app.guid() + ", orderNo=" + orderNo + ", copNo=" + copNo + ", invtNo=" + invtNo
                + "]";
    }
}
