package io.vitrine.customs.simulator;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.customs.messages.MessageType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the simulated customs decides a valid declaration. Chosen per order by a marker in a free-text field
 * ({@code #REJECT}, {@code #INSPECT}, {@code #DETAIN}, {@code #FORMAT}; {@code #RELEASE} to force the default off):
 * the order's note or consignee name (CEB311), or the inventory list's note (CEB621). An inventory list without a
 * marker follows the marker of the order it refers to; without any marker the configured default applies.
 * {@code #REJECT: text} gives the rejection reason. Decisions arrive on the inventory list's receipt (domain.md:
 * order receipts stop at 120); {@code FORMAT_ERROR} fails whichever message carries or inherits it.
 */
public enum Scenario {
    RELEASE, REJECT, INSPECT, DETAIN, FORMAT_ERROR;

    /** One receipt to send: its returnStatus and returnInfo. */
    public record Step(int status, String info) {
    }

    public static final int FORMAT_FAILURE = -1;
    public static final int SIGNATURE_FAILURE = -2;
    public static final int LEG_MISMATCH = -3;

    /** The marker of the first of {@code texts} that holds one. */
    public static Optional<Scenario> markedIn(@Nullable String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String upper = text.toUpperCase(Locale.ROOT);
            for (Scenario scenario : values()) {
                if (upper.contains(scenario.marker())) {
                    return Optional.of(scenario);
                }
            }
        }
        return Optional.empty();
    }

    public String marker() {
        return this == FORMAT_ERROR ? "#FORMAT" : "#" + name();
    }

    /** The reason written after {@code #REJECT:} in {@code text}, or a default one. */
    static String rejectionReason(@Nullable String text) {
        if (text != null) {
            int at = text.toUpperCase(Locale.ROOT).indexOf(REJECT.marker() + ":");
            if (at >= 0 && !text.substring(at + 8).isBlank()) {
                return text.substring(at + 8).strip();
            }
        }
        return "simulated rejection (#REJECT)";
    }

    /** The receipts a valid message of {@code type} gets under this scenario, in order. */
    public List<Step> answers(MessageType<?> type, String rejectionReason) {
        if (this == FORMAT_ERROR) {
            return List.of(new Step(FORMAT_FAILURE, "[Code:-1;Desc:simulated format error (#FORMAT)]"));
        }
        Step declaring = new Step(2, "[Code:2;Desc:declaring]");
        Step accepted = new Step(120, "[Code:120;Desc:accepted into the customs system]");
        Step released = new Step(800, "[Code:2600;Desc:放行 released]");
        Step rejected = new Step(100, "[Code:100;Desc:退单 rejected: " + rejectionReason + "]");
        if (type == MessageType.CEB625) {
            // a return request: approved with 800, or refused (#REJECT in its reason or note)
            return this == REJECT ? List.of(declaring, rejected) : List.of(declaring, accepted, released);
        }
        if (type != MessageType.CEB621) {
            // 312 stops at 120; cancellation (624) approved with 800
            return type == MessageType.CEB311 ? List.of(declaring, accepted) : List.of(declaring, accepted, released);
        }
        return switch (this) {
            case RELEASE -> List.of(declaring, accepted, released);
            case REJECT -> List.of(declaring, rejected);
            case INSPECT -> List.of(declaring, accepted, new Step(500, "[Code:500;Desc:查验 inspection]"), released);
            case DETAIN -> List.of(declaring, accepted, new Step(501, "[Code:501;Desc:扣留 detained]"));
            case FORMAT_ERROR -> throw new IllegalStateException("handled above");
        };
    }
}
