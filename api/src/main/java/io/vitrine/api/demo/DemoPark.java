package io.vitrine.api.demo;

import io.vitrine.oversight.risk.RiskRule;
import io.vitrine.oversight.risk.RiskRuleBook;
import io.vitrine.oversight.risk.RuleSettings;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.onboarding.ApplicationForm;
import io.vitrine.tenants.onboarding.ApplicationReview;
import io.vitrine.tenants.onboarding.ApprovedApplication;
import io.vitrine.tenants.onboarding.MerchantApplications;
import io.vitrine.tenants.parks.CreatedPark;
import io.vitrine.tenants.parks.ParkForm;
import io.vitrine.tenants.parks.ParkOnboarding;
import io.vitrine.tenants.staff.Invitations;
import io.vitrine.tenants.staff.StaffAccount;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import io.vitrine.tenants.warehouses.WarehouseForm;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The park side of the demo, as the platform admin and the park admin would do it: the park, its admin,
 * a bonded warehouse, and a retailer's application approved.
 */
@Singleton
class DemoPark {

    static final String WAREHOUSE = "WH-DEMO-1";

    /** The demo's own actor for the one step only a platform admin may take (it may run without one). */
    static final Actor SEEDER = Actor.staff("demo-seed", "demo-seed", StaffRole.PLATFORM_ADMIN, null);

    private final ParkOnboarding parks;
    private final Invitations invitations;
    private final ParkWarehouses warehouses;
    private final MerchantApplications applications;
    private final ApplicationReview review;
    private final RiskRuleBook riskRules;

    DemoPark(ParkOnboarding parks, Invitations invitations, ParkWarehouses warehouses,
             MerchantApplications applications, ApplicationReview review, RiskRuleBook riskRules) {
        this.parks = parks;
        this.invitations = invitations;
        this.warehouses = warehouses;
        this.applications = applications;
        this.review = review;
        this.riskRules = riskRules;
    }

    /** The approved retailer, whose admin invitation is still to be accepted. */
    ApprovedApplication seed() {
        CreatedPark park = parks.createPark(SEEDER, new ParkForm(DemoAccounts.PARK_SLUG, "示范综合保税区 Demo Bonded Zone",
                "示范综合保税区管理有限公司", "91440300MA5FPK001M", "4403960001", "深圳海关", "5349"));
        StaffAccount admin = invitations.accept(park.adminInvitation().token(), DemoAccounts.PARK_ADMIN,
                DemoAccounts.PARK_ADMIN_PASSWORD);
        Actor parkAdmin = Actor.staff(admin.id(), admin.username(), admin.role(), admin.tenant());
        warehouses.register(parkAdmin, DemoAccounts.PARK_SLUG, new WarehouseForm(WAREHOUSE, "示范保税仓一号",
                "T5349W000001", "5349", "534901", "91440300MA5FWH0034"));
        // a held order within reach (issue #9): the second paid order of one ID number within 24 h waits for review
        riskRules.update(parkAdmin, List.of(new RuleSettings(RiskRule.FREQUENT_BUYER, true, 2, 24, 0)));
        String applicationId = applications.submit(DemoAccounts.PARK_SLUG, new ApplicationForm(DemoAccounts.RETAILER_LEGAL_NAME,
                "91440300MA5FRT002T", DemoAccounts.RETAILER_CUSTOMS_CODE, "RETAILER", DemoAccounts.RETAILER_SLUG, "王小明",
                "0755-8888 0000", "demo@vitrine.example")).applicationId();
        return review.approve(parkAdmin, DemoAccounts.PARK_SLUG, applicationId);
    }
}
