package io.vitrine.catalog.categories;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Replaces the stored list in one transaction, refusing one that would leave a product's category out. */
@Singleton
class CategoryStore {

    private final CategoryRepository categories;
    private final AuditTrail audit;

    CategoryStore(CategoryRepository categories, AuditTrail audit) {
        this.categories = categories;
        this.audit = audit;
    }

    /**
     * In the replacement's transaction; a product given a left-out category by a concurrent edit is not caught
     * (no lock: a platform admin's rare change racing a retailer's edit).
     */
    @Transactional
    void replace(Actor by, List<Category> list) {
        Set<String> listed = new TreeSet<>(list.stream().map(Category::path).toList());
        List<String> orphaned = categories.findPathsInUse().stream().filter(path -> !listed.contains(path)).sorted().toList();
        if (!orphaned.isEmpty()) {
            throw new BusinessRuleException("CATEGORY_IN_USE", "Products still have " + orphaned.size()
                    + " of the categories this list leaves out, e.g. " + String.join(", ", orphaned.subList(0,
                    Math.min(5, orphaned.size()))) + ". Move those products first.");
        }
        categories.deleteAll();
        categories.saveAll(list);
        audit.record(by, null, "CATEGORIES_REPLACED", "categories", "platform", list.size() + " categories");
    }
}
