package io.vitrine.catalog.positivelist;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Writes a new list in one transaction: the old entries go, the new ones and the import row (the new
 * version) come, and the audit trail records it. Readers see the old list or the new one, never a mix
 * (InnoDB's and H2's MVCC show them the last committed state). The HS codes that came or went are published
 * ({@link PositiveListChanged}) in the same transaction.
 */
@Singleton
public class PositiveListStore {

    private final PositiveListEntryRepository entries;
    private final PositiveListImportRepository imports;
    private final AuditTrail audit;
    private final Outbox outbox;

    PositiveListStore(PositiveListEntryRepository entries, PositiveListImportRepository imports, AuditTrail audit,
                      Outbox outbox) {
        this.entries = entries;
        this.imports = imports;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional
    public PositiveListImport replace(Actor by, List<PositiveListEntry> list, PositiveListImport version) {
        Set<String> before = codesOf(entries.findAll());
        entries.deleteAll();
        entries.saveAll(list);
        PositiveListImport saved = imports.save(version);
        audit.record(by, null, "POSITIVE_LIST_REPLACED", "positive-list", saved.id(), saved.entryCount() + " HS codes");
        publishChanged(before, codesOf(list));
        return saved;
    }

    /** The codes on one list and not the other, in events of at most {@link PositiveListChanged#MAX_CODES}. */
    private void publishChanged(Set<String> before, Set<String> after) {
        Set<String> changed = new TreeSet<>(before);
        changed.addAll(after);
        changed.removeIf(code -> before.contains(code) && after.contains(code));
        List<String> codes = List.copyOf(changed);
        for (int from = 0; from < codes.size(); from += PositiveListChanged.MAX_CODES) {
            outbox.publish(new PositiveListChanged(
                    codes.subList(from, Math.min(codes.size(), from + PositiveListChanged.MAX_CODES))));
        }
    }

    private static Set<String> codesOf(Iterable<PositiveListEntry> list) {
        Set<String> codes = new TreeSet<>();
        StreamSupport.stream(list.spliterator(), false).forEach(entry -> codes.add(entry.hsCode()));
        return codes;
    }
}
