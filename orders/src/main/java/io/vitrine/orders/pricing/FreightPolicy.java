package io.vitrine.orders.pricing;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.util.Objects;

/**
 * The shop's freight (tenant settings {@code freight{flatFen, freeAboveFen}}): a flat amount per order, waived
 * once the goods reach {@code freeFrom} (满 X 包邮: a goods value equal to the threshold ships free). The default,
 * {@link #NONE}, charges nothing.
 */
public record FreightPolicy(Money flat, @Nullable Money freeFrom) {

    public static final FreightPolicy NONE = new FreightPolicy(Money.ZERO, null);

    public FreightPolicy {
        Objects.requireNonNull(flat, "flat");
        if (flat.isNegative() || (freeFrom != null && freeFrom.isNegative())) {
            throw new IllegalArgumentException("freight amounts are never negative");
        }
    }

    /** From the settings' nullable fen columns: a missing flat amount is no freight. */
    public static FreightPolicy of(@Nullable Long flatFen, @Nullable Long freeAboveFen) {
        return new FreightPolicy(Money.ofFen(flatFen == null ? 0 : flatFen),
                freeAboveFen == null ? null : Money.ofFen(freeAboveFen));
    }

    /** The freight of an order of this goods value; an empty order ships nothing and pays nothing. */
    public Money freightFor(Money goodsValue) {
        if (!goodsValue.isPositive()) {
            return Money.ZERO;
        }
        if (freeFrom != null && !goodsValue.isLessThan(freeFrom)) {
            return Money.ZERO;
        }
        return flat;
    }
}
