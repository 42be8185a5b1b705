package io.vitrine.api.console.park;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.audit.AuditEvent;

/** One step of an application's audit trail: what, who, when. */
public record HistoryRow(String action, String actor, String at) {

    static HistoryRow of(AuditEvent e) {
        return new HistoryRow(e.action(), e.actorName() != null ? e.actorName() : e.actorId(),
                ChinaTimeText.of(e.occurredAt()));
    }
}
