package io.vitrine.kernel.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one tenant (a park or a merchant). Every tenant-owned row, cache key, search
 * document and file carries it. Stored in {@code tenant_id VARCHAR(36)} columns.
 */
@Serdeable
public record TenantId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,35}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORM.matcher(value).matches()) {
            // also keeps tenant ids safe inside Redis keys, file paths and index names
            throw new IllegalArgumentException("a tenant id is 1-36 letters, digits, '-' or '_'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
