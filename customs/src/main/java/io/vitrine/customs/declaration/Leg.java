package io.vitrine.customs.declaration;

import java.util.Optional;

/**
 * The parts a declaration is made of, each with its own status: the order (CEB311, its receipt CEB312), the payment
 * (declared by the payment company: Alipay's {@code alipay.trade.customs.declare}, no message of ours) and the
 * inventory list (CEB621 and its cancellation CEB623 / return request CEB625, receipts CEB622/624/626). The order and
 * payment legs end at acceptance; the inventory list goes on to release.
 */
public enum Leg {
    ORDER,
    PAYMENT,
    INVENTORY;

    /** The leg a sent message belongs to, by its type code ({@code CEB311} …). */
    public static Optional<Leg> of(String messageType) {
        return Optional.ofNullable(switch (messageType) {
            case "CEB311" -> ORDER;
            case "CEB621", "CEB623", "CEB625" -> INVENTORY;
            default -> null;
        });
    }
}
