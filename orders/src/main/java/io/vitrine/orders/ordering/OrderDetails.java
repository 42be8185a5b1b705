package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * An order as a shopper or the shop's staff sees it: its lines, its timeline, and the buyer and consignee masked
 * (kernel {@code Masking}: {@code 1101**********002X}, {@code 138****5678}, {@code 张*}, the address down to its
 * county). Nothing here is ever the plain personal data.
 */
public record OrderDetails(Order order, List<OrderLine> lines, List<HistoryEntry> history, @Nullable MaskedBuyer buyer,
                           @Nullable MaskedConsignee consignee) {

    public record MaskedBuyer(String name, String idNumber, String phone) {
    }

    public record MaskedConsignee(String name, String phone, String districtCode, String address) {
    }
}
