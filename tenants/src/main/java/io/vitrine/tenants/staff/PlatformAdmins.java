package io.vitrine.tenants.staff;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The platform's first admin: created once on a fresh database (from configuration, or by the embedded
 * demo), never while one exists. Restarts change nothing (a later password change is not undone), and
 * instances starting together cannot create two (the username is unique; the loser finds it there).
 */
@Singleton
public class PlatformAdmins {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAdmins.class);

    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    public PlatformAdmins(StaffAccountRepository accounts, PasswordHashing hashing, PasswordPolicy policy,
                          AuditTrail audit, Ids ids, Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** As {@link #createFirst}, tolerating another instance that created one at the same moment. */
    public void createFirstOnStartup(String source, String username, String password, String why) {
        try {
            createFirst(source, username, password, why);
        } catch (RuntimeException e) {
            if (!accounts.existsByRole(StaffRole.PLATFORM_ADMIN)) {
                throw e;
            }
        }
    }

    /**
     * Creates the first platform admin unless one exists; true when this call created it.
     *
     * @param source where the credentials come from (a property prefix), named in the error for bad ones
     * @throws IllegalStateException when the username or password breaks the rules
     */
    @Transactional
    public boolean createFirst(String source, String username, String password, String why) {
        if (accounts.existsByRole(StaffRole.PLATFORM_ADMIN)) {
            return false;
        }
        FieldChecks checks = new FieldChecks();
        Username name = checks.parse(source + ".username", username, Username::parse);
        policy.check(checks, source + ".password", password, name == null ? null : name.value());
        try {
            checks.throwIfAny();
        } catch (InvalidInputException e) {
            throw new IllegalStateException(source + " credentials: " + e.getMessage(), e);
        }
        StaffAccount admin = accounts.save(StaffAccount.create(ids.nextId(), null, name.value(), hashing.hash(password),
                StaffRole.PLATFORM_ADMIN, clock.instant()));
        audit.record(Actor.system(), null, "PLATFORM_ADMIN_CREATED", "staff", admin.id(), why);
        LOG.info("Created the first platform admin '{}' {}", admin.username(), why);
        return true;
    }
}
