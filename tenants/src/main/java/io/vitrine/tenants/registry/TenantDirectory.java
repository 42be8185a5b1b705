package io.vitrine.tenants.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds tenants by id or slug. Slug to id is asked on every storefront request ({@code /s/{slug}}),
 * so it is cached through the kernel's {@link KeyValueCache} (Redis in cluster mode); a slug never
 * changes, but only an ACTIVE tenant's is cached, so a suspension {@link #forget}s it. Unknown slugs are
 * not cached (a park may approve one a moment later). A cache outage falls back to the database.
 *
 * <p>In front of the shared cache, each instance keeps the slugs it resolved for {@link #LOCAL_SLUG_TTL}:
 * the Redis round trip was a good part of what the storefront search endpoint added to the engine's own time
 * (benchmarks' search suite). {@link #forget} drops the local entry at once on the instance that suspends;
 * the other instances stop serving a suspended shop within that TTL.
 *
 * <p>Whether a tenant is suspended is asked on every staff request (a suspended tenant's tokens are
 * refused), cached the same way for {@link #STATUS_TTL}. Whoever changes a tenant's status calls
 * {@link #statusChanged} in that transaction: once it commits, every instance sees the new status at
 * once; without the call, within the TTL.
 */
@Singleton
public class TenantDirectory {

    private static final Duration SLUG_TTL = Duration.ofMinutes(10);
    /** how long an instance trusts a slug it resolved without asking the shared cache again */
    static final Duration LOCAL_SLUG_TTL = Duration.ofSeconds(5);
    static final Duration STATUS_TTL = Duration.ofSeconds(30);
    private static final Pattern SLUG_CHARACTERS = Pattern.compile("[a-z0-9-]{1,40}");

    private final TenantRepository tenants;
    private final KeyValueCache cache;
    private final ApplicationEventPublisher<TenantStatusChanged> statusChanges;
    private final Cache<String, TenantId> localSlugs = Caffeine.newBuilder()
            .expireAfterWrite(LOCAL_SLUG_TTL)
            .maximumSize(10_000)
            .executor(Runnable::run) // maintenance on the calling thread, no wake-up of the common pool
            .build();

    public TenantDirectory(TenantRepository tenants, KeyValueCache cache,
                           ApplicationEventPublisher<TenantStatusChanged> statusChanges) {
        this.tenants = tenants;
        this.cache = cache;
        this.statusChanges = statusChanges;
    }

    /** True for a tenant that is SUSPENDED (false for an active one, and for an id no tenant has). */
    public boolean isSuspended(TenantId id) {
        ScopedKey key = statusKey(id);
        try {
            Optional<String> cached = cache.getString(key);
            if (cached.isPresent()) {
                return TenantStatus.SUSPENDED.name().equals(cached.get());
            }
            String loaded = statusText(id);
            // only if still empty: a status read before a change must not overwrite the change
            cache.putStringIfAbsent(key, loaded, STATUS_TTL);
            return TenantStatus.SUSPENDED.name().equals(loaded);
        } catch (CacheUnavailableException e) {
            return TenantStatus.SUSPENDED.name().equals(statusText(id));
        }
    }

    /**
     * Call in the transaction that changed the tenant's status (suspending or reinstating a member):
     * the new status reaches every instance's {@link #isSuspended} once it commits.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void statusChanged(TenantId id) {
        statusChanges.publishEvent(new TenantStatusChanged(id, statusText(id)));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void publish(TenantStatusChanged change) {
        try {
            cache.putString(statusKey(change.tenant()), change.status(), STATUS_TTL);
        } catch (CacheUnavailableException ignored) {
            // the entries cached before expire within STATUS_TTL
        }
    }

    private String statusText(TenantId id) {
        return find(id).map(tenant -> tenant.status().name()).orElse("NONE");
    }

    private static ScopedKey statusKey(TenantId id) {
        return ScopedKey.platform("tenant-status", id.value());
    }

    /** A tenant's status as it was committed ({@code NONE}: no such tenant). */
    public record TenantStatusChanged(TenantId tenant, String status) {
    }

    /** The active tenant with this slug, if any. */
    public Optional<TenantId> idOfSlug(String slug) {
        String normalised = slug == null ? "" : slug.toLowerCase(Locale.ROOT);
        if (!SLUG_CHARACTERS.matcher(normalised).matches()) {
            return Optional.empty(); // cannot be a slug, and must not become a cache key
        }
        TenantId local = localSlugs.getIfPresent(normalised);
        if (local != null) {
            return Optional.of(local);
        }
        Optional<TenantId> found = sharedIdOfSlug(normalised);
        found.ifPresent(id -> localSlugs.put(normalised, id));
        return found;
    }

    private Optional<TenantId> sharedIdOfSlug(String normalised) {
        ScopedKey key = slugKey(normalised);
        try {
            Optional<String> cached = cache.getString(key);
            if (cached.isPresent()) {
                return cached.map(TenantId::of);
            }
        } catch (CacheUnavailableException e) {
            return activeBySlug(normalised).map(Tenant::tenantId);
        }
        Optional<Tenant> found = activeBySlug(normalised);
        found.ifPresent(tenant -> {
            try {
                cache.putString(key, tenant.id(), SLUG_TTL);
            } catch (CacheUnavailableException ignored) {
                // the next request asks the database again
            }
        });
        return found.map(Tenant::tenantId);
    }

    /**
     * Drops the cached slug (this instance's and the shared one), so the next storefront request reads the
     * tenant's status from the database.
     *
     * @throws CacheUnavailableException the shared cache did not answer (the caller retries)
     */
    public void forget(String slug) {
        String normalised = slug.toLowerCase(Locale.ROOT);
        if (SLUG_CHARACTERS.matcher(normalised).matches()) {
            localSlugs.invalidate(normalised);
            cache.evict(slugKey(normalised));
        }
    }

    /** The tenant with this slug, whatever its status or kind. */
    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return slug == null ? Optional.empty() : tenants.findBySlug(slug.toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> find(TenantId id) {
        return tenants.findById(id.value());
    }

    /** The tenant, or 404. */
    public Tenant require(TenantId id) {
        return find(id).orElseThrow(() -> new NotFoundException("No such tenant."));
    }

    /** The park with this slug, or 404 (also when the slug is a merchant's). */
    @Transactional(readOnly = true)
    public Tenant parkBySlug(String slug) {
        return tenants.findBySlug(slug == null ? "" : slug.toLowerCase(Locale.ROOT))
                .filter(Tenant::isPark)
                .orElseThrow(() -> new NotFoundException("No such park."));
    }

    private static ScopedKey slugKey(String normalisedSlug) {
        return ScopedKey.platform("tenant-slug", normalisedSlug);
    }

    private Optional<Tenant> activeBySlug(String slug) {
        return tenants.findBySlug(slug).filter(Tenant::isActive);
    }
}
