package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.registry.Tenant;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A park admin reads its members' display accounts and their reconciliation (architecture.md: a park reads its
 * members' data only through explicit, audited services). Only the admin's own park, only its members: another
 * park, a non-member or an unknown slug is 404. Each member read leaves one audit event on that member, in the
 * read's transaction; the member's store stock is read inside {@code TenantContext.callAs(member)}.
 */
@Singleton
public class ParkDisplay {

    private final ParkAccess access;
    private final DisplayLedger ledger;
    private final DisplayReport report;
    private final AccountPlace place;
    private final AuditTrail audit;

    ParkDisplay(ParkAccess access, DisplayLedger ledger, DisplayReport report, AccountPlace place, AuditTrail audit) {
        this.access = access;
        this.ledger = ledger;
        this.report = report;
        this.place = place;
        this.audit = audit;
    }

    /** The members' accounts with their balances; of one member when {@code memberSlug} is given. */
    @Transactional
    public List<MemberAccount> accounts(Actor by, String parkSlug, @Nullable String memberSlug) {
        Scope scope = scope(by, parkSlug, memberSlug);
        List<MemberAccount> accounts = new ArrayList<>();
        byMember(scope).forEach((member, owned) -> {
            String slug = place.slugOf(member);
            owned.forEach(account -> accounts.add(new MemberAccount(slug,
                    new AccountView(account, ledger.balances(member, account.id())))));
            audited(by, scope.park(), member, "PARK_READ_DISPLAY_ACCOUNTS");
        });
        return accounts;
    }

    /** The reconciliation of the members' accounts (of one member when {@code memberSlug} is given). */
    @Transactional
    public DisplayReconciliation report(Actor by, String parkSlug, @Nullable String memberSlug) {
        Scope scope = scope(by, parkSlug, memberSlug);
        List<DisplayReport.Part> parts = new ArrayList<>();
        byMember(scope).forEach((member, owned) -> {
            parts.add(new DisplayReport.Part(member, owned));
            audited(by, scope.park(), member, "PARK_READ_DISPLAY_REPORT");
        });
        return report.of(parts);
    }

    /** An account with the slug of the member owning it. */
    public record MemberAccount(String member, AccountView account) {
    }

    private record Scope(Tenant park, Optional<TenantId> member) {
    }

    private Scope scope(Actor by, String parkSlug, @Nullable String memberSlug) {
        if (memberSlug == null || memberSlug.isBlank()) {
            return new Scope(access.asAdmin(by, parkSlug), Optional.empty());
        }
        var found = access.memberAsAdmin(by, parkSlug, memberSlug.strip());
        return new Scope(found.park(), Optional.of(found.member().tenantId()));
    }

    private Map<TenantId, List<DisplayAccount>> byMember(Scope scope) {
        Map<TenantId, List<DisplayAccount>> members = new LinkedHashMap<>();
        ledger.accountsOfPark(scope.park().tenantId(), scope.member())
                .forEach(account -> members.computeIfAbsent(account.tenant(), t -> new ArrayList<>()).add(account));
        return members;
    }

    private void audited(Actor by, Tenant park, TenantId member, String action) {
        audit.record(by, member, action, "tenant", member.value(), "park " + park.slug());
    }
}
