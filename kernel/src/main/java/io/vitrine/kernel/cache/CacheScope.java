package io.vitrine.kernel.cache;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;
import java.util.Optional;

/**
 * Who owns a cached value: one tenant, or the platform for data that is platform-wide by nature
 * (the buyer's annual quota, order numbers). Becomes the second segment of every Redis key.
 */
public final class CacheScope {

    /** Starts with '_', which a tenant id never does, so it can never collide with a tenant. */
    private static final String PLATFORM_SEGMENT = "_platform";
    private static final CacheScope PLATFORM = new CacheScope(null);

    private final TenantId tenant;

    private CacheScope(TenantId tenant) {
        this.tenant = tenant;
    }

    public static CacheScope of(TenantId tenant) {
        return new CacheScope(Objects.requireNonNull(tenant, "tenant"));
    }

    public static CacheScope platform() {
        return PLATFORM;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The scope as it appears inside a key. */
    public String segment() {
        return tenant == null ? PLATFORM_SEGMENT : tenant.value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheScope that && Objects.equals(tenant, that.tenant);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(tenant);
    }

    @Override
    public String toString() {
        return segment();
    }
}
