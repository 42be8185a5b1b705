package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.tenants.access.BearerToken;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff sign-in with a username and a password. Two defences against guessing:
 * <ul>
 * <li>rate limits through the kernel's {@link RateLimiter} (shared by every instance in cluster mode),
 *     per account ({@code vitrine.auth.login.account-limit}, default 10 per 15 min) and per client
 *     address ({@code vitrine.auth.login.address-limit}, default 200 per 15 min): 429 with Retry-After;</li>
 * <li>a lockout after {@code vitrine.auth.login.lockout-after} consecutive failures (default 5) for
 *     {@code vitrine.auth.login.lockout-for} (default 15 min): even the right password is refused then;
 *     after it, one more failure locks again until a success resets the count.</li>
 * </ul>
 * An unknown username costs the same bcrypt time as a wrong password. A disabled account, or one of a
 * suspended tenant, is refused like a wrong password (its tokens would be refused anyway).
 */
@Singleton
public class StaffSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);

    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final RateLimiter limiter;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final RateLimit perAccount;
    private final RateLimit perAddress;
    private final int lockoutAfter;
    private final Duration lockoutFor;

    public StaffSignIn(StaffAccountRepository accounts, PasswordHashing hashing, RateLimiter limiter, Clock clock,
                       TenantDirectory tenants,
                       @Value("${vitrine.auth.login.account-limit.permits:10}") int accountPermits,
                       @Value("${vitrine.auth.login.account-limit.window:15m}") Duration accountWindow,
                       @Value("${vitrine.auth.login.address-limit.permits:200}") int addressPermits,
                       @Value("${vitrine.auth.login.address-limit.window:15m}") Duration addressWindow,
                       @Value("${vitrine.auth.login.lockout-after:5}") int lockoutAfter,
                       @Value("${vitrine.auth.login.lockout-for:15m}") Duration lockoutFor) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.limiter = limiter;
        this.clock = clock;
        this.tenants = tenants;
        this.perAccount = RateLimit.of(accountPermits, accountWindow);
        this.perAddress = RateLimit.of(addressPermits, addressWindow);
        this.lockoutAfter = lockoutAfter;
        this.lockoutFor = lockoutFor;
    }

    /**
     * @throws RateLimitedException   too many attempts for this account or from this address (429)
     * @throws SignInRefusedException wrong credentials, disabled or locked account (401)
     */
    // no surrounding transaction on purpose: a failure must stay counted when the refusal is thrown
    public SignedInStaff signIn(String rawUsername, String password, String clientAddress) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        // hashed: keys must not carry what a client typed (kernel README "Cache")
        throttle(addressKey(clientAddress), perAddress);
        throttle(ScopedKey.platform("login-account", BearerToken.hash(username)), perAccount);

        Optional<StaffAccount> found = username.isEmpty() ? Optional.empty() : accounts.findByUsername(username);
        if (found.isEmpty() || password == null) {
            hashing.checkDecoy(password == null ? "" : password);
            throw SignInRefusedException.badCredentials();
        }
        StaffAccount account = found.get();
        Instant now = clock.instant();
        if (account.isLockedAt(now)) {
            throw SignInRefusedException.locked();
        }
        if (!hashing.matches(password, account.passwordHash())) {
            recordFailure(account, now);
            throw SignInRefusedException.badCredentials();
        }
        if (!account.isActive() || (account.tenant() != null && tenants.isSuspended(account.tenant()))) {
            throw SignInRefusedException.badCredentials();
        }
        accounts.recordSignIn(account.id(), now);
        return new SignedInStaff(account.id(), account.username(), account.role(), account.tenant(),
                account.tokenGeneration());
    }

    /** The limiter key of one client address (hashed: keys must not carry what a client sent). */
    public static ScopedKey addressKey(String clientAddress) {
        return ScopedKey.platform("login-address", BearerToken.hash(clientAddress));
    }

    private void throttle(ScopedKey key, RateLimit limit) {
        RateDecision decision = limiter.tryAcquire(key, limit);
        if (!decision.allowed()) {
            throw new RateLimitedException("Too many sign-in attempts: try again later.", decision.retryAfter());
        }
    }

    private void recordFailure(StaffAccount account, Instant now) {
        accounts.countFailedAttempt(account.id());
        // the count as it stands after this failure (concurrent failures are all counted)
        int failures = accounts.findById(account.id()).map(StaffAccount::failedAttempts).orElse(0);
        if (failures >= lockoutAfter) {
            accounts.lockUntil(account.id(), now.plus(lockoutFor));
            LOG.warn("staff account {} locked for {} after {} failed sign-ins", account.id(), lockoutFor, failures);
        }
    }
}
