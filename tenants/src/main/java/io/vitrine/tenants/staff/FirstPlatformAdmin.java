package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
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
 * A fresh database gets its first platform admin from {@code vitrine.admin.username} /
 * {@code vitrine.admin.password} (VITRINE_ADMIN_USERNAME / _PASSWORD), once: only while no platform
 * admin exists. Restarts change nothing (a later password change is not undone), and instances
 * starting together cannot create two (the username is unique; the loser finds it there).
 */
@Singleton
@Requires(property = "vitrine.admin.username")
@Requires(property = "vitrine.admin.password")
public class FirstPlatformAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstPlatformAdmin.class);

    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;
    private final String username;
    private final String password;

    public FirstPlatformAdmin(StaffAccountRepository accounts, PasswordHashing hashing, PasswordPolicy policy,
                              AuditTrail audit, Ids ids, Clock clock,
                              @Value("${vitrine.admin.username}") String username,
                              @Value("${vitrine.admin.password}") String password) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        try {
            createIfNone();
        } catch (RuntimeException e) {
            if (accounts.existsByRole(StaffRole.PLATFORM_ADMIN)) {
                return; // another instance created it at the same moment
            }
            throw e;
        }
    }

    /** True when this call created the account. */
    @Transactional
    public boolean createIfNone() {
        if (accounts.existsByRole(StaffRole.PLATFORM_ADMIN)) {
            return false;
        }
        FieldChecks checks = new FieldChecks();
        Username name = checks.parse("vitrine.admin.username", username, Username::parse);
        policy.check(checks, "vitrine.admin.password", password, name == null ? null : name.value());
        if (checks.hasErrors()) {
            try {
                checks.throwIfAny();
            } catch (InvalidInputException e) {
                throw new IllegalStateException("VITRINE_ADMIN_USERNAME / VITRINE_ADMIN_PASSWORD: " + e.getMessage(), e);
            }
        }
        StaffAccount admin = accounts.save(StaffAccount.create(ids.nextId(), null, name.value(), hashing.hash(password),
                StaffRole.PLATFORM_ADMIN, clock.instant()));
        audit.record(Actor.system(), null, "PLATFORM_ADMIN_CREATED", "staff", admin.id(), "from configuration");
        LOG.info("Created the first platform admin '{}' from configuration", admin.username());
        return true;
    }
}
