package io.vitrine.kernel.tenancy;

import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tenant a business key belongs to (architecture.md "Tenancy": order numbers are unique
 * platform-wide because the Alipay notify and customs receipts carry no tenant). The service that
 * creates a key records it in its own transaction; a callback or job that receives only the key
 * resolves it and runs its work as that tenant. A mapping never changes once recorded, so
 * resolutions are cached (kernel {@code KeyValueCache}); unknown keys are not.
 *
 * <p>A key is 1-{@value #MAX_LENGTH} characters of letters, digits, {@code . _ : / -}, compared exactly.
 */
public interface BusinessKeys {

    int MAX_LENGTH = 64;
    Pattern FORM = Pattern.compile("[A-Za-z0-9._:/-]{1," + MAX_LENGTH + "}");

    /**
     * Records, in the caller's transaction, that the key belongs to the tenant: it commits or rolls back
     * with the change that created the key. The same key for the same tenant again changes nothing.
     *
     * @throws ConflictException        the key already belongs to another tenant (the owner is not named)
     * @throws IllegalArgumentException the key is not well formed
     * @throws IllegalStateException    called outside a transaction
     */
    void record(TenantId tenant, BusinessKeyKind kind, String key);

    /** The tenant the key belongs to, empty when no committed record names it (or it cannot be a key). */
    Optional<TenantId> tenantOf(BusinessKeyKind kind, String key);

    /** The key's tenant, or 404. */
    default TenantId requireTenantOf(BusinessKeyKind kind, String key) {
        return tenantOf(kind, key).orElseThrow(() -> new NotFoundException("No such " + kind.description() + "."));
    }

    /** Runs the work as the key's tenant ({@link TenantContext#runAs}); 404 for an unknown key. */
    default void runAs(BusinessKeyKind kind, String key, Runnable work) {
        TenantContext.runAs(requireTenantOf(kind, key), work);
    }

    /** Calls the work as the key's tenant ({@link TenantContext#callAs}); 404 for an unknown key. */
    default <T, E extends Exception> T callAs(BusinessKeyKind kind, String key, TenantContext.Work<T, E> work) throws E {
        return TenantContext.callAs(requireTenantOf(kind, key), work);
    }

    static boolean isWellFormed(String key) {
        return key != null && FORM.matcher(key).matches();
    }
}
