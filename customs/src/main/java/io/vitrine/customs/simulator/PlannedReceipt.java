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
 * @param taxLines for a CEB816 tax bill (type CEB816), its lines ({@link SimulatedTax#encode}); null for receipts
 */
public record PlannedReceipt(String receiptGuid, String type, String answered, String replyTo, int step, Instant due,
                             int status,
                             String info, @Nullable String orderNo, @Nullable String copNo, @Nullable String preNo,
                             @Nullable String invtNo, @Nullable String customsCode, @Nullable String ebpCode,
                             @Nullable String ebcCode, @Nullable String agentCode, @Nullable String taxLines) {

    public PlannedReceipt(String receiptGuid, String type, String answered, String replyTo, int step, Instant due,
                          int status, String info, @Nullable String orderNo, @Nullable String copNo,
                          @Nullable String preNo, @Nullable String invtNo, @Nullable String customsCode,
                          @Nullable String ebpCode, @Nullable String ebcCode, @Nullable String agentCode) {
        this(receiptGuid, type, answered, replyTo, step, due, status, info, orderNo, copNo, preNo, invtNo, customsCode,
                ebpCode, ebcCode, agentCode, null);
    }

    /** The tax bill's number: customs code, year, {@code T} and nine digits from the receipt guid. */
    String taxNo() {
        long n = UUID.nameUUIDFromBytes(("tax" + receiptGuid).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
        return (customsCode == null ? "0000" : customsCode) + due.toString().substring(0, 4) + "T"
                + String.format("%09d", Math.floorMod(n, 1_000_000_000L));
    }

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
        e.put("taxLines", taxLines);
        return e;
    }

    static PlannedReceipt ofEntry(Map<String, String> e) {
        return new PlannedReceipt(e.get("receiptGuid"), e.get("type"), e.get("answered"), e.get("replyTo"),
                Integer.parseInt(e.get("step")),
                Instant.parse(e.get("due")), Integer.parseInt(e.get("status")), e.get("info"), e.get("orderNo"),
                e.get("copNo"), e.get("preNo"), e.get("invtNo"), e.get("customsCode"), e.get("ebpCode"), e.get("ebcCode"),
                e.get("agentCode"), e.get("taxLines"));
    }
}
