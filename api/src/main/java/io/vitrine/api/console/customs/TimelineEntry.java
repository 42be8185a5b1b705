package io.vitrine.api.console.customs;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.customs.declaration.DeclarationReading;
import io.vitrine.customs.declaration.RecordedReceipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One step of a declaration's timeline: a message we sent (type, guid, appType, sent or not) or a receipt customs
 * answered (status code, its meaning's message key, customs' returnInfo), in time order — a message at its sending,
 * a receipt at customs' returnTime; a message not sent yet last.
 *
 * @param meaningKey {@code customs.return.<code>} for the codes the standard lists, else {@code customs.return.negative}
 *                   or {@code customs.return.other}
 */
public record TimelineEntry(String kind, String at, String type, String guid, String appType, boolean sent,
                            int attempts, String returnStatus, String meaningKey, String info, String messageGuid) {

    private static final Set<Integer> KNOWN = Set.of(1, 2, 3, 4, 100, 120, 300, 399, 500, 501, 502, 503, 599, 700, 800,
            899);

    static List<TimelineEntry> of(DeclarationReading.Details details) {
        record Step(Instant at, int order, TimelineEntry entry) {
        }
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (DeclarationReading.MessageSummary m : details.messages()) {
            steps.add(new Step(m.sentAt() == null ? Instant.MAX : m.sentAt(), index++, new TimelineEntry("message",
                    ChinaTimeText.of(m.sentAt()), m.type(), m.guid(), m.appType(), m.sentAt() != null, m.attempts(), "",
                    "", "", m.guid())));
        }
        for (RecordedReceipt r : details.receipts()) {
            steps.add(new Step(r.returnTime(), index++, new TimelineEntry("receipt", ChinaTimeText.of(r.returnTime()),
                    "", r.receiptGuid(), "", true, 0, Integer.toString(r.returnStatus()), meaningKey(r.returnStatus()),
                    r.returnInfo() == null ? "" : r.returnInfo(), r.messageGuid())));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        return steps.stream().map(Step::entry).toList();
    }

    static String meaningKey(int returnStatus) {
        if (KNOWN.contains(returnStatus)) {
            return "customs.return." + returnStatus;
        }
        return returnStatus < 0 ? "customs.return.negative" : "customs.return.other";
    }
}
