package io.vitrine.kernel.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose key it is: the same key sent by another principal or for another tenant is another key. The
 * principal names who sent the request ({@code staff:<id>}, {@code device:<key>},
 * {@code address:<client address>} for anonymous callers); the tenant is the one the request acts for,
 * none for anonymous and platform requests.
 */
public record IdempotencyScope(@Nullable TenantId tenant, String principal) {

    public IdempotencyScope {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank() || principal.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a principal is one non-blank line");
        }
    }

    public static IdempotencyScope of(@Nullable TenantId tenant, String kind, String id) {
        return new IdempotencyScope(tenant, kind + ":" + id);
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }
}
