package io.vitrine.catalog.positivelist;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Writes a new list in one transaction: the old entries go, the new ones and the import row (the new
 * version) come, and the audit trail records it. Readers see the old list or the new one, never a mix
 * (InnoDB's and H2's MVCC show them the last committed state).
 */
@Singleton
public class PositiveListStore {

    private final PositiveListEntryRepository entries;
    private final PositiveListImportRepository imports;
    private final AuditTrail audit;

    PositiveListStore(PositiveListEntryRepository entries, PositiveListImportRepository imports, AuditTrail audit) {
        this.entries = entries;
        this.imports = imports;
        this.audit = audit;
    }

    @Transactional
    public PositiveListImport replace(Actor by, List<PositiveListEntry> list, PositiveListImport version) {
        entries.deleteAll();
        entries.saveAll(list);
        PositiveListImport saved = imports.save(version);
        audit.record(by, null, "POSITIVE_LIST_REPLACED", "positive-list", saved.id(), saved.entryCount() + " HS codes");
        return saved;
    }
}
