package io.vitrine.catalog.categories;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's known categories. Everyone signed in reads them; a platform admin replaces the whole list
 * from a file. Every instance holds the list in memory (a product import asks once per row) and reads it again
 * at most every {@code vitrine.catalog.categories.recheck-interval} (2s), so another instance's replacement is
 * seen within that time.
 */
@Singleton
public class Categories {

    private final CategoryRepository categories;
    private final CategoryUpload upload;
    private final AuditTrail audit;
    private final CategoryStore store;
    private final Clock clock;
    private final Duration recheckInterval;
    private volatile Snapshot snapshot;

    Categories(CategoryRepository categories, CategoryUpload upload, AuditTrail audit,
               CategoryStore store, Clock clock,
               @Value("${vitrine.catalog.categories.recheck-interval:2s}") Duration recheckInterval) {
        this.categories = categories;
        this.upload = upload;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
    }

    /** The list in its order (parents before children). */
    public List<Category> list() {
        return List.copyOf(current().byPath().values());
    }

    public Optional<Category> find(String path) {
        return Optional.ofNullable(path == null ? null : current().byPath().get(path));
    }

    /** Whether a path in its stored form ({@link CategoryPath#normalize}) is listed. */
    public boolean isKnown(String path) {
        return find(path).isPresent();
    }

    /**
     * Replaces the whole list with the file's, atomically; a file with any bad row changes nothing. A list that
     * leaves out a path some product (of any tenant) has is refused, {@code CATEGORY_IN_USE} (422), naming the
     * first few: move those products first.
     */
    public List<Category> replace(Actor by, InputStream content, TabularFormat format) {
        if (!by.is(StaffRole.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only a platform admin replaces the category list");
        }
        List<Category> list = upload.read(content, format);
        store.replace(by, list);
        snapshot = null; // after the commit: this instance answers from the new list at once
        return list;
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (held != null && clock.instant().isBefore(held.readAt().plus(recheckInterval))) {
            return held;
        }
        Map<String, Category> byPath = new LinkedHashMap<>();
        categories.listOrderByDisplayOrder().forEach(category -> byPath.put(category.path(), category));
        Snapshot read = new Snapshot(Collections.unmodifiableMap(byPath), clock.instant());
        snapshot = read;
        return read;
    }

    private record Snapshot(Map<String, Category> byPath, Instant readAt) {
    }
}
