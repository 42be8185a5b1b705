package io.vitrine.tenants.parks;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.CustomsRegistrationCode;
import io.vitrine.kernel.codes.UnifiedSocialCreditCode;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.registry.NewTenant;
import io.vitrine.tenants.registry.Slug;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantKind;
import io.vitrine.tenants.registry.TenantRegistry;
import io.vitrine.tenants.staff.IssuedInvitation;
import io.vitrine.tenants.staff.Invitations;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A platform admin creates a park (issue #3 "Onboarding workflow"): the park tenant, the one-time
 * invitation of its first PARK_ADMIN, the audit trail and each {@link ParkSetup} of the modules above (a new park's
 * risk rules), in one transaction.
 */
@Singleton
public class ParkOnboarding {

    /** A customs district (关区) code: four digits, e.g. 5165. */
    static final Pattern CUSTOMS_AREA_CODE = Pattern.compile("[0-9]{4}");

    private final TenantRegistry registry;
    private final Invitations invitations;
    private final AuditTrail audit;
    private final List<ParkSetup> setups;

    public ParkOnboarding(TenantRegistry registry, Invitations invitations, AuditTrail audit, List<ParkSetup> setups) {
        this.registry = registry;
        this.invitations = invitations;
        this.audit = audit;
        this.setups = List.copyOf(setups);
    }

    @Transactional
    public CreatedPark createPark(Actor by, ParkForm form) {
        if (!by.is(StaffRole.PLATFORM_ADMIN)) {
            throw new NotFoundException("No such resource.");
        }
        FieldChecks checks = new FieldChecks();
        Slug slug = checks.parse("slug", form.slug(), Slug::parse);
        String name = checks.text("name", form.name(), 200);
        String legalName = form.legalName() == null || form.legalName().isBlank()
                ? name : checks.text("legalName", form.legalName(), 200);
        UnifiedSocialCreditCode uscc = checks.parse("uscc", form.uscc(), UnifiedSocialCreditCode::parse);
        CustomsRegistrationCode customsCode = checks.parse("customsCode", form.customsCode(), CustomsRegistrationCode::parse);
        String customsPlace = checks.text("customsPlace", form.customsPlace(), 100);
        String areaCode = checks.matching("customsAreaCode", form.customsAreaCode(), CUSTOMS_AREA_CODE,
                "CUSTOMS_AREA_CODE_FORM", "a customs district code is 4 digits");
        checks.throwIfAny();

        Tenant park = registry.register(new NewTenant(TenantKind.PARK, slug, name, legalName, uscc, customsCode,
                customsPlace, areaCode, null));
        audit.record(by, park.tenantId(), "PARK_CREATED", "tenant", park.id(), "slug " + park.slug());
        setups.forEach(setup -> setup.setUp(by, park));
        IssuedInvitation invitation = invitations.issue(by, park.tenantId(), StaffRole.PARK_ADMIN, List.of());
        return new CreatedPark(park, invitation);
    }
}
