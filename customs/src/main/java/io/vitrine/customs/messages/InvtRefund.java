package io.vitrine.customs.messages;

import java.util.List;

/** CEB625 {@code InvtRefund}: one return request head and its lines (at most 99). */
public record InvtRefund(InvtRefundHead head, List<InvtRefundList> lines) {

    public InvtRefund {
        lines = List.copyOf(lines);
    }
}
