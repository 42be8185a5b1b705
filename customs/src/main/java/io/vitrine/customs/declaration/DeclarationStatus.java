package io.vitrine.customs.declaration;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a declaration, and each of its legs, stands (domain.md "Customs message standard (CEB)", receipt statuses),
 * and in {@link #ALLOWED} every move a receipt may make: the one place that says what may follow what. A receipt
 * asking for anything else — a duplicate, a 120 arriving after the 800, a 2 after the 120 — changes nothing.
 */
public enum DeclarationStatus {
    /** Created, nothing sent yet. */
    PENDING,
    /** Sent; stored, sent on or being checked (returnStatus 1, 2, 3, 4). */
    DECLARING,
    /** 120: accepted (入库成功). The order, payment and waybill legs stop here. */
    ACCEPTED,
    /** 300, 399: under manual review. */
    REVIEW,
    /** 500: goods to inspect. */
    INSPECTION,
    /** 501–503, 599: detained. */
    DETAINED,
    /** 700: returned (退单). */
    RETURNED,
    /** 800: released (放行), on the inventory list's receipt (CEB622). */
    RELEASED,
    /** 899: closed (结关). */
    CLOSED,
    /** 100, or a negative status (failed a format or business check): the reason is customs' returnInfo. */
    REJECTED,
    /**
     * Given up: the inventory list cancelled by customs (CEB624 800 on our CEB623), or the whole declaration of a
     * rejected order the shop cancelled. Nothing follows.
     */
    CANCELLED;

    private static final Map<DeclarationStatus, Set<DeclarationStatus>> ALLOWED = new EnumMap<>(DeclarationStatus.class);

    static {
        Set<DeclarationStatus> afterAcceptance = EnumSet.of(REVIEW, INSPECTION, DETAINED, RETURNED, RELEASED, CLOSED);
        ALLOWED.put(PENDING, EnumSet.of(DECLARING));
        Set<DeclarationStatus> declaring = EnumSet.copyOf(afterAcceptance);
        declaring.addAll(EnumSet.of(ACCEPTED, REJECTED, CANCELLED));
        ALLOWED.put(DECLARING, declaring);
        Set<DeclarationStatus> accepted = EnumSet.copyOf(afterAcceptance);
        accepted.add(CANCELLED);
        ALLOWED.put(ACCEPTED, accepted);
        Set<DeclarationStatus> review = EnumSet.of(INSPECTION, DETAINED, RETURNED, RELEASED, CLOSED, REJECTED,
                CANCELLED);
        ALLOWED.put(REVIEW, review);
        // a cancellation (CEB623) may be confirmed while the goods are still held: they have not left the warehouse
        ALLOWED.put(INSPECTION, EnumSet.of(DETAINED, RETURNED, RELEASED, CLOSED, CANCELLED));
        ALLOWED.put(DETAINED, EnumSet.of(INSPECTION, RETURNED, RELEASED, CLOSED, CANCELLED));
        ALLOWED.put(RETURNED, EnumSet.of(CLOSED));
        ALLOWED.put(RELEASED, EnumSet.of(CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(DeclarationStatus.class));
        // a corrected declaration (appType 2) is sent again after a rejection, or the shop gives the order up
        ALLOWED.put(REJECTED, EnumSet.of(DECLARING, CANCELLED));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(DeclarationStatus.class));
    }

    public boolean canBecome(DeclarationStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether a leg that only goes as far as acceptance (order, payment, waybill) may be in this status. */
    public boolean endsAtAcceptance() {
        return this == PENDING || this == DECLARING || this == ACCEPTED || this == REJECTED;
    }

    /** The status a receipt's {@code returnStatus} stands for; empty for a code the standard does not list. */
    public static Optional<DeclarationStatus> ofReturnStatus(int returnStatus) {
        if (returnStatus < 0) {
            return Optional.of(REJECTED);
        }
        return Optional.ofNullable(switch (returnStatus) {
            case 1, 2, 3, 4 -> DECLARING;
            case 100 -> REJECTED;
            case 120 -> ACCEPTED;
            case 300, 399 -> REVIEW;
            case 500 -> INSPECTION;
            case 501, 502, 503, 599 -> DETAINED;
            case 700 -> RETURNED;
            case 800 -> RELEASED;
            case 899 -> CLOSED;
            default -> null;
        });
    }
}
