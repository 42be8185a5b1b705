package io.vitrine.kernel.tenancy.infra;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link BusinessKeys} over the platform-wide {@code business_keys} table (migration V6), primary key
 * (kind, business_key): the database keeps a key to one tenant even when two transactions race.
 * Resolutions are cached only once the transaction that read them commits, so a mapping that rolls
 * back is never served from the cache.
 */
@Singleton
class JdbcBusinessKeys implements BusinessKeys {

    private static final String INSERT =
            "INSERT INTO business_keys (kind, business_key, tenant_id, recorded_at) VALUES (?, ?, ?, ?)";
    private static final String OWNER = "SELECT tenant_id FROM business_keys WHERE kind = ? AND business_key = ?";

    private final TransactionOperations<Connection> transactions;
    private final KeyValueCache cache;
    private final Clock clock;
    private final Duration cacheTtl;

    JdbcBusinessKeys(TransactionOperations<Connection> transactions, KeyValueCache cache, Clock clock,
                     @Value("${vitrine.business-keys.cache-ttl:1h}") Duration cacheTtl) {
        this.transactions = transactions;
        this.cache = cache;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public void record(TenantId tenant, BusinessKeyKind kind, String key) {
        if (!BusinessKeys.isWellFormed(key)) {
            throw new IllegalArgumentException("a " + kind.description() + " is 1-" + MAX_LENGTH
                    + " letters, digits or . _ : / -");
        }
        if (transactions.findTransactionStatus().isEmpty()) {
            // outside a transaction the key could stay recorded while the order that owns it rolls back
            throw new IllegalStateException("BusinessKeys.record must run inside the transaction that creates the key");
        }
        Connection connection = transactions.getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, kind.name());
            insert.setString(2, key);
            insert.setString(3, tenant.value());
            insert.setString(4, SqlInstants.text(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw new IllegalStateException("could not record a " + kind.description(), e);
            }
            if (!ownerOf(connection, kind, key, true).filter(tenant::equals).isPresent()) {
                throw new ConflictException("This " + kind.description() + " is already in use.");
            }
        }
    }

    @Override
    public Optional<TenantId> tenantOf(BusinessKeyKind kind, String key) {
        if (!BusinessKeys.isWellFormed(key)) {
            return Optional.empty(); // cannot have been recorded, and must not become a cache key
        }
        ScopedKey cacheKey = ScopedKey.platform(kind.cacheNamespace(), key);
        try {
            Optional<String> cached = cache.getString(cacheKey);
            if (cached.isPresent()) {
                return cached.map(TenantId::of);
            }
        } catch (CacheUnavailableException e) {
            return transactions.executeRead(status -> ownerOf(status.getConnection(), kind, key, false));
        }
        return transactions.executeRead(status -> {
            Optional<TenantId> owner = ownerOf(status.getConnection(), kind, key, false);
            // joined to the caller's transaction, the row may be its own uncommitted insert: cache after commit
            owner.ifPresent(tenant -> status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(cacheKey, tenant);
                }
            }));
            return owner;
        });
    }

    private void remember(ScopedKey cacheKey, TenantId tenant) {
        try {
            cache.putString(cacheKey, tenant.value(), cacheTtl);
        } catch (CacheUnavailableException ignored) {
            // the next resolution asks the database again
        }
    }

    /**
     * The recorded owner. {@code locking}: after a duplicate-key refusal, read the latest committed row
     * (a plain read in REPEATABLE READ may still see the transaction's older snapshot, without it).
     */
    private static Optional<TenantId> ownerOf(Connection connection, BusinessKeyKind kind, String key, boolean locking) {
        try (PreparedStatement select = connection.prepareStatement(locking ? OWNER + " FOR UPDATE" : OWNER)) {
            select.setString(1, kind.name());
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(TenantId.of(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a " + kind.description(), e);
        }
    }

    /** SQLSTATE 23xxx: the (kind, business_key) primary key is taken (MySQL, MariaDB and H2). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
