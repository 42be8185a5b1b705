package io.vitrine.catalog.categories;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Arrays;
import java.util.List;

/**
 * A known category. Platform-wide, no tenant.
 *
 * @param path         segments joined by '/', as products store them: {@code 母婴/奶粉/婴儿奶粉}
 * @param nameZh       the last segment's name in Chinese (usually the segment itself)
 * @param nameEn       its English name, if given
 * @param displayOrder the list's order: parents come before their children
 */
@MappedEntity("categories")
public record Category(@Id String path, String nameZh, @Nullable String nameEn, int displayOrder) {

    /** 1 for a top-level category. */
    public int depth() {
        return segments().size();
    }

    public List<String> segments() {
        return Arrays.asList(path.split("/"));
    }

    /** The parent's path, or null at the top. */
    @Nullable
    public String parentPath() {
        int cut = path.lastIndexOf('/');
        return cut < 0 ? null : path.substring(0, cut);
    }
}
