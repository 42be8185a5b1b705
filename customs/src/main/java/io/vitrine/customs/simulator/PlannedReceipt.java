package io.vitrine.customs.simulator;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One receipt the simulator will send, as the ledger keeps it. {@code receiptGuid} is derived from the answered
 * guid and the step, so a receipt re-sent after a crash (written, not yet recorded) carries the same guid.
 *
 * @param answered the guid of the declaration it answers
 * @param type     CEB312, CEB622, CEB624 or CEB626
 * @param replyTo  the DXP SenderId of the declaration: the receipt's ReceiverId
 */
public record PlannedReceipt(String receiptGuid, String type, String answered, String replyTo, int step, Instant due,
                             int status,
                             String info, @Nullable String orderNo, @Nullable String copNo, @Nullable String preNo,
                             @Nullable String invtNo, @Nullable String customsCode, @Nullable String ebpCode,
                             @Nullable String ebcCode, @Nullable String agentCode) {

    static String receiptGuid(String answered, int step) {
        return UUID.nameUUIDFromBytes((answered + "#" + step).getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase(Locale.ROOT);
    }

    /** The receipt's body, stamped at {@code now}. */
    DeclarationReceipt receipt(Instant now) {
        boolean order = MessageType.CEB312.code().equals(type);
        return new DeclarationReceipt(answered, order ? null : customsCode, ebpCode, ebcCode, order ? null : agentCode,
                order ? (orderNo == null ? "-" : orderNo) : null, copNo, preNo, invtNo, status, now, info);
    }

    Map<String, String> toEntry() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("event", "planned");
        e.put("receiptGuid", receiptGuid);
        e.put("type", type);
        e.put("answered", answered);
        e.put("replyTo", replyTo);
        e.put("step", Integer.toString(step));
        e.put("due", due.toString());
        e.put("status", Integer.toString(status));
        e.put("info", info);
        e.put("orderNo", orderNo);
        e.put("copNo", copNo);
        e.put("preNo", preNo);
        e.put("invtNo", invtNo);
        e.put("customsCode", customsCode);
        e.put("ebpCode", ebpCode);
        e.put("ebcCode", ebcCode);
        e.put("agentCode", agentCode);
        return e;
    }

    static PlannedReceipt ofEntry(Map<String, String> e) {
        return new PlannedReceipt(e.get("receiptGuid"), e.get("type"), e.get("answered"), e.get("replyTo"),
                Integer.parseInt(e.get("step")),
                Instant.parse(e.get("due")), Integer.parseInt(e.get("status")), e.get("info"), e.get("orderNo"),
                e.get("copNo"), e.get("preNo"), e.get("invtNo"), e.get("customsCode"), e.get("ebpCode"), e.get("ebcCode"),
                e.get("agentCode"));
    }
}
