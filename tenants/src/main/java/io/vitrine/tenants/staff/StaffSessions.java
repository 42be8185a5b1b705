package io.vitrine.tenants.staff;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a staff token still stands, asked on every signed-in request: the account exists, is ACTIVE,
 * and is still at the token's generation ({@link StaffAccount#tokenGeneration()}). Disabling the account
 * or signing out moves the generation on, so every token issued before stops working.
 *
 * <p>The standing is read through the kernel's {@link KeyValueCache}: one Redis GET per request in
 * cluster mode, and the same answer on every instance. After a change commits, the new standing is
 * written there, so a disabled account's tokens stop at once everywhere. A reader that missed fills
 * the entry only if it is still empty ({@code putIfAbsent}), so a row read just before a change can
 * never overwrite the change. Entries live {@link #TTL}: that bounds how stale an instance can be only
 * when the cache could not be written at the change (Redis down); a cache outage on read asks the
 * database.
 */
@Singleton
public class StaffSessions {

    static final Duration TTL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StaffSessions.class);

    private final StaffAccountRepository accounts;
    private final KeyValueCache cache;
    private final ApplicationEventPublisher<StaffStanding> changes;

    public StaffSessions(StaffAccountRepository accounts, KeyValueCache cache,
                         ApplicationEventPublisher<StaffStanding> changes) {
        this.accounts = accounts;
        this.cache = cache;
        this.changes = changes;
    }

    /** True while a token of this generation, issued to this account, stands. */
    public boolean accepts(String staffId, int tokenGeneration) {
        return standingOf(staffId).accepts(tokenGeneration);
    }

    /** Signs the account out everywhere: every token it holds stops working. */
    @Transactional
    public void endAll(String staffId) {
        accounts.nextTokenGeneration(staffId);
        changed(staffId);
    }

    /** Within the transaction that changed the account: its new standing is published once that commits. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changed(String staffId) {
        changes.publishEvent(accounts.findById(staffId).map(StaffStanding::of).orElseGet(() -> StaffStanding.none(staffId)));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void publish(StaffStanding standing) {
        try {
            cache.putString(key(standing.staffId()), standing.encode(), TTL);
        } catch (CacheUnavailableException e) {
            // instances that cached the old standing keep it until the entry expires
            LOG.error("staff {}: standing not published (cache unavailable); old tokens may work for up to {}",
                    standing.staffId(), TTL);
        }
    }

    private StaffStanding standingOf(String staffId) {
        ScopedKey key = key(staffId);
        try {
            Optional<String> cached = cache.getString(key);
            if (cached.isPresent()) {
                return StaffStanding.decode(staffId, cached.get());
            }
            StaffStanding loaded = load(staffId);
            cache.putStringIfAbsent(key, loaded.encode(), TTL);
            return loaded;
        } catch (CacheUnavailableException e) {
            return load(staffId);
        }
    }

    private StaffStanding load(String staffId) {
        return accounts.findById(staffId).map(StaffStanding::of).orElseGet(() -> StaffStanding.none(staffId));
    }

    private static ScopedKey key(String staffId) {
        return ScopedKey.platform("staff-standing", staffId);
    }
}
