package io.vitrine.catalog.products;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** SKUs split into batches: for IN lists (at most {@link #IN_LIST} values) and events of many SKUs. */
public final class SkuBatches {

    /** Values per SQL IN list: databases and drivers cope, plans stay simple. */
    public static final int IN_LIST = 1000;

    private SkuBatches() {
    }

    /** The distinct SKUs, in their first order, in batches of at most {@code size}. */
    public static List<List<String>> of(Collection<String> skus, int size) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(skus));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += size) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
        }
        return batches;
    }
}
