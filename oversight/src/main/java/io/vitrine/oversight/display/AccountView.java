package io.vitrine.oversight.display;

import java.util.List;

/** An account with its balances by SKU. */
public record AccountView(DisplayAccount account, List<DisplayBalance> balances) {

    /** Units on display by the book, all SKUs together. */
    public long onDisplay() {
        return balances.stream().mapToLong(DisplayBalance::onDisplay).sum();
    }
}
