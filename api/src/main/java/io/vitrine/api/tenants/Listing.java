package io.vitrine.api.tenants;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.error.FieldChecks;

import java.util.List;
import java.util.function.Function;

/** A list answer (api.md "Lists"): {@code {items, total}}, pages from {@code ?page=&size=} (size ≤ 200). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still says items: []
public record Listing<T>(List<T> items, long total) {

    public static final int MAX_SIZE = 200;

    public static <E, T> Listing<T> of(Page<E> page, Function<E, T> view) {
        return new Listing<>(page.getContent().stream().map(view).toList(), page.getTotalSize());
    }

    public static <T> Listing<T> of(List<T> all) {
        return new Listing<>(all, all.size());
    }

    /** 400 unless {@code page ≥ 0} and {@code 1 ≤ size ≤ 200}. */
    public static void checkPage(int page, int size) {
        FieldChecks checks = new FieldChecks();
        if (page < 0) {
            checks.fail("page", "PAGE_RANGE", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            checks.fail("size", "PAGE_SIZE_RANGE", "must be between 1 and " + MAX_SIZE);
        }
        checks.throwIfAny();
    }
}
