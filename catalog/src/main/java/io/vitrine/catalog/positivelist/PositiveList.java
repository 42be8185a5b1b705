package io.vitrine.catalog.positivelist;

import io.vitrine.kernel.codes.HsCode;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The positive list (domain.md: only goods whose HS code is on it may be sold as cross-border retail
 * imports). The platform admin replaces it as a whole from a file; everyone signed in may look a code up.
 * A product's eligibility is derived from its HS code when it is read, never stored, so it follows the list.
 */
@Singleton
public class PositiveList {

    private final PositiveListUpload upload;
    private final PositiveListStore store;
    private final PositiveListLookup lookup;
    private final Ids ids;
    private final Clock clock;

    PositiveList(PositiveListUpload upload, PositiveListStore store, PositiveListLookup lookup, Ids ids, Clock clock) {
        this.upload = upload;
        this.store = store;
        this.lookup = lookup;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Replaces the whole list with the file's HS codes, atomically; a file with any bad row changes nothing.
     * Only a platform admin may (the api checks the role; this refuses anyone else too).
     */
    public PositiveListImport replace(Actor by, InputStream content, TabularFormat format) {
        if (!by.is(StaffRole.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only a platform admin replaces the positive list");
        }
        List<PositiveListEntry> entries = upload.read(content, format);
        PositiveListImport replaced = store.replace(by, entries,
                new PositiveListImport(ids.nextId(), entries.size(), by.name() == null ? by.id() : by.name(), clock.instant()));
        lookup.reload();
        return replaced;
    }

    /** The entry for a well-formed HS code, if the list has it. */
    public Optional<PositiveListEntry> find(HsCode hsCode) {
        return lookup.find(hsCode.value());
    }

    /** True when the code is on the list (any string: a malformed code is simply not on it). */
    public boolean isListed(String hsCode) {
        return lookup.isListed(hsCode);
    }
}
