package io.vitrine.kernel.tabular;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The header an import expects: every required column must be there, optional ones may be, and any
 * other column is refused by name (a typo in a header would otherwise silently drop a column).
 * Names are compared exactly after trimming surrounding white space.
 */
public record TabularColumns(Set<String> required, Set<String> optional) {

    public TabularColumns {
        required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        optional = Collections.unmodifiableSet(new LinkedHashSet<>(optional));
        if (required.isEmpty()) {
            throw new IllegalArgumentException("an import expects at least one required column");
        }
        for (String name : required) {
            if (optional.contains(name)) {
                throw new IllegalArgumentException("column " + name + " is both required and optional");
            }
        }
    }

    public static TabularColumns of(List<String> required, List<String> optional) {
        return new TabularColumns(new LinkedHashSet<>(required), new LinkedHashSet<>(optional));
    }

    public boolean expects(String column) {
        return required.contains(column) || optional.contains(column);
    }

    /** Every expected column, required first, in declaration order (e.g. an export's or template's header). */
    public List<String> all() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }
}
