package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

/**
 * Where and by whom an inventory list is filed: the customs office and port (4 digits each), the declaring agent,
 * the guarantor (assureCode), and for bonded goods the warehouse's account book (emsNo) and the area enterprise.
 * Set up per park / warehouse.
 *
 * @param country  trade country (启运国) of the inventory head, customs 3-digit code
 * @param trafMode transport mode code
 */
public record Clearance(String customsCode, String portCode, Party agent, String assureCode, @Nullable String emsNo,
                        @Nullable Party area, String trafMode, String country, @Nullable String wrapType,
                        @Nullable String loctNo) {
}
