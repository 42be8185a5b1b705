package io.vitrine.customs.messages;

import java.util.List;

/** CEB816 {@code Tax}: one tax bill head and its lines. */
public record TaxBill(TaxHeadRd head, List<TaxListRd> lines) {

    public TaxBill {
        lines = List.copyOf(lines);
    }
}
