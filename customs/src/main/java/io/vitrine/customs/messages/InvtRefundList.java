package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** One returned line of CEB625 ({@code InvtRefundList}): the inventory line's gnum, HS code, name, qty, unit. */
public record InvtRefundList(int gnum, String gcode, String gname, BigDecimal qty, String unit,
                             @Nullable String note) {
}
