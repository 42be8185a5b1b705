package io.vitrine.customs.simulator;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.customs.messages.MessageType;

import java.util.List;

/**
 * What the simulated customs decided about one received file.
 *
 * @param guid        the declaration's guid (the DXP CopMsgId when the message itself could not be read); null when
 *                    not even the envelope could be read: such a file gets no answer
 * @param answerType  the receipt type (CEB312 for a CEB311…); null for what is not a declaration
 * @param replyTo     the DXP SenderId
 * @param outcome     the scenario's name, or INVALID / BAD_SIGNATURE / LEG_MISMATCH / UNREADABLE / NOT_DECLARATION
 * @param keys        the business keys the receipts repeat
 * @param steps       the receipts to send, in order
 * @param acceptedOrder the signed CEB311 payload when it was valid: inventory lists are matched against it
 * @param taxLines    for a released inventory list, the CEB816 tax bill's lines to send after the last receipt
 *                    ({@link SimulatedTax#encode}); null otherwise
 */
public record Verdict(@Nullable String guid, @Nullable MessageType<?> answerType, @Nullable String replyTo,
                      String outcome, Keys keys, List<Scenario.Step> steps, byte @Nullable [] acceptedOrder,
                      @Nullable String taxLines) {

    public Verdict(@Nullable String guid, @Nullable MessageType<?> answerType, @Nullable String replyTo,
                   String outcome, Keys keys, List<Scenario.Step> steps, byte @Nullable [] acceptedOrder) {
        this(guid, answerType, replyTo, outcome, keys, steps, acceptedOrder, null);
    }

    public static final Keys NO_KEYS = new Keys(null, null, null, null, null, null, null, null);

    /** The business keys a receipt repeats. */
    public record Keys(@Nullable String orderNo, @Nullable String copNo, @Nullable String preNo,
                       @Nullable String invtNo, @Nullable String customsCode, @Nullable String ebpCode,
                       @Nullable String ebcCode, @Nullable String agentCode) {
    }

    static Verdict unanswered(@Nullable String guid, String outcome) {
        return new Verdict(guid, null, null, outcome, NO_KEYS, List.of(), null);
    }

    public boolean answered() {
        return guid != null && answerType != null && !steps.isEmpty();
    }
}
