package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.BearerToken;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.stores.StoreScopes;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every staff account starts from a one-time invitation (issue #3): whoever creates the account gets
 * the token once and hands it over (there is no mail server). Accepting sets the username and the
 * password; the token then never works again, and an unused one expires after
 * {@code vitrine.onboarding.invitation-ttl} (default 7 days).
 */
@Singleton
public class Invitations {

    private final InvitationRepository invitations;
    private final StaffAccountRepository accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;
    private final Duration timeToLive;
    private final StoreScopes scopes;

    public Invitations(InvitationRepository invitations, StaffAccountRepository accounts, PasswordHashing hashing,
                       PasswordPolicy policy, AuditTrail audit, StoreScopes scopes, Ids ids, Clock clock,
                       @Value("${vitrine.onboarding.invitation-ttl:7d}") Duration timeToLive) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.scopes = scopes;
    }

    /** Joins the caller's transaction: the invitation exists only if what it belongs to does. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public IssuedInvitation issue(Actor by, TenantId tenant, StaffRole role, List<String> storeCodes) {
        return issue(by, tenant, role, null, storeCodes);
    }

    /** With the username chosen by the inviter ({@code null}: the invitee chooses). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public IssuedInvitation issue(Actor by, TenantId tenant, StaffRole role, @Nullable String username,
                                  List<String> storeCodes) {
        if (role == StaffRole.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("platform admins come from configuration, not invitations");
        }
        String token = BearerToken.generate();
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(ids.nextId(), tenant.value(), BearerToken.hash(token), role,
                username, storeCodes.isEmpty() ? null : String.join(",", storeCodes), by.staffId(), now, now.plus(timeToLive),
                null, null));
        audit.record(by, tenant, "INVITATION_ISSUED", "invitation", invitation.id(), "role " + role);
        return new IssuedInvitation(invitation, token);
    }

    /**
     * Creates the invited account. Unknown tokens answer 404; used or expired ones 409; a taken
     * username 409; a weak password 400 (and the invitation stays usable).
     */
    @Transactional
    public StaffAccount accept(String token, @Nullable String rawUsername, @Nullable String password) {
        Invitation invitation = invitations.findByTokenHash(BearerToken.hash(token == null ? "" : token))
                .orElseThrow(() -> new NotFoundException("No such invitation."));
        Instant now = clock.instant();
        if (invitation.isUsed()) {
            throw new ConflictException("This invitation has already been used.");
        }
        if (invitation.hasExpiredAt(now)) {
            throw new ConflictException("This invitation has expired: ask for a new one.");
        }
        FieldChecks checks = new FieldChecks();
        String chosen = invitation.username() != null && (rawUsername == null || rawUsername.isBlank())
                ? invitation.username() : rawUsername;
        Username username = checks.parse("username", chosen, Username::parse);
        if (username != null && invitation.username() != null && !invitation.username().equals(username.value())) {
            checks.fail("username", "USERNAME_SET_BY_INVITATION", "this invitation is for another username");
        }
        policy.check(checks, "password", password, username == null ? null : username.value());
        checks.throwIfAny();
        if (accounts.existsByUsername(username.value())) {
            throw new ConflictException("This username is taken.");
        }
        StaffAccount account = accounts.save(StaffAccount.create(ids.nextId(), invitation.tenantId(), username.value(),
                hashing.hash(password), invitation.role(), now));
        if (invitations.markUsed(invitation.id(), now, account.id()) != 1) {
            // a concurrent acceptance won: roll this account back with the transaction
            throw new ConflictException("This invitation has already been used.");
        }
        if (!invitation.storeCodeList().isEmpty()) {
            TenantContext.runAs(invitation.tenant(), () -> scopes.grant(account.id(), invitation.storeCodeList()));
        }
        audit.record(Actor.staff(account.id(), account.username(), account.role(), account.tenant()), invitation.tenant(),
                "INVITATION_ACCEPTED", "staff", account.id(), "role " + account.role());
        return account;
    }
}
