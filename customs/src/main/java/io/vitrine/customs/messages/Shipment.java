package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

/** The waybill of an order (the logistics leg, CEB511): its number, the logistics company, parcels. */
public record Shipment(String logisticsNo, Party logistics, int packNo, @Nullable String trafNo,
                       @Nullable String voyageNo, @Nullable String billNo) {
}
