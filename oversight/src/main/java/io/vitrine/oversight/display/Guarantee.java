package io.vitrine.oversight.display;

import io.vitrine.kernel.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The guarantee (担保) that covers goods out of the bonded zone for display: its amount, the reference of the bank
 * letter or deposit, and the last China date it holds.
 */
public record Guarantee(Money amount, String reference, LocalDate expiresOn) {

    public Guarantee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(expiresOn, "expiresOn");
    }
}
